package dev.sessionkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "micronaut.server.port", value = "-1")
class HomeControllerTest {

    @Inject
    EmbeddedServer server;

    @Test
    void theHomePageCountsVisitsInTheSession() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> first = client.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("<strong id=\"visits\">1</strong>"), first.body());
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("shop_session="), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> second = client.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(second.body().contains("<strong id=\"visits\">2</strong>"), second.body());
    }
}
