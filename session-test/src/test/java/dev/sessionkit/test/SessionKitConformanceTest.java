package dev.sessionkit.test;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The test app passes the whole conformance kit, run in one line, its WebSocket check included. */
@MicronautTest
class SessionKitConformanceTest extends LiveSessionKitConformance {}
