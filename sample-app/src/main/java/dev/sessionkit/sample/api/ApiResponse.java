package dev.sessionkit.sample.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The envelope of every JSON answer: {@code {"success":true,"data":...}} or {@code
 * {"success":false,"data":null,"message":...}}; {@code data} is always present, null included.
 *
 * @param success whether the call did what was asked
 * @param data the result, when there is one
 * @param message what went wrong, for a person
 * @param <T> the result's type
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiResponse<T>(
        boolean success,
        @Nullable T data,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String message) {

    /**
     * @param data the result
     * @param <T> its type
     * @return a success
     */
    public static <T> ApiResponse<T> ok(@Nullable T data) {
        return new ApiResponse<>(true, data, null);
    }

    /**
     * @param message what went wrong
     * @param <T> the result type that was expected
     * @return a failure
     */
    public static <T> ApiResponse<T> error(String message) {
        return new ApiResponse<>(false, null, message);
    }
}
