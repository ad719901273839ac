package example

import dev.sessionkit.app.SessionApp

/** The application's class, which Micronaut starts from. */
class Application

/** Starts the app; without MICRONAUT_ENVIRONMENTS it runs in dev, where a random secret is used. */
fun main(args: Array<String>) {
    SessionApp.builder(Application::class.java, *args).defaultEnvironments("dev").start()
}
