package example;

import dev.sessionkit.test.SessionKitConformance;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

// tag::conformance[]
/** The OWASP session-management checks against this app's chain, store and settings. */
@MicronautTest
@Property(name = "micronaut.server.host", value = "127.0.0.1")
class ConformanceTest extends SessionKitConformance {}
// end::conformance[]
