package dev.sessionkit.test;

import io.micronaut.test.context.TestContext;
import io.micronaut.test.context.TestExecutionListener;
import jakarta.inject.Singleton;
import java.util.Set;

/** Signs each {@link SignedIn} test in before its {@code @BeforeEach} methods, and ends its session after its {@code @AfterEach} ones. */
@Singleton
final class SignedInListener implements TestExecutionListener {

    private final SessionTestKit kit;

    SignedInListener(SessionTestKit kit) {
        this.kit = kit;
    }

    @Override
    public void beforeTestMethod(TestContext context) {
        SignedIn signedIn =
                context.getTestMethod() == null ? null : context.getTestMethod().getAnnotation(SignedIn.class);
        if (signedIn == null && context.getTestClass() != null) {
            signedIn = context.getTestClass().getAnnotation(SignedIn.class);
        }
        if (signedIn != null) {
            kit.signIn(signedIn.value(), signedIn.label(), Set.of(signedIn.roles()));
        }
    }

    @Override
    public void afterTestMethod(TestContext context) {
        kit.end();
    }
}
