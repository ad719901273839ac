package example

import dev.sessionkit.test.FakeSession
import dev.sessionkit.test.SessionTestKit
import dev.sessionkit.test.SignedIn
import io.micronaut.context.annotation.Property
import io.micronaut.core.type.Argument
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.junit5.annotation.MicronautTest
import jakarta.inject.Inject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The Kotlin schema at work: typed reads and writes, sign-in, and the test kit. */
@MicronautTest
@Property(name = "micronaut.server.host", value = "127.0.0.1")
class ShopTest {

    @Inject
    @field:Client("/")
    lateinit var client: HttpClient

    @Inject
    lateinit var sessions: SessionTestKit

    @Inject
    lateinit var visits: Visits

    private val lines = Argument.listOf(CartLine::class.java)

    @Test
    fun aGuestFillsACartAndASignedInUserSeesTheirs() {
        sessions.guest()
        client.toBlocking().retrieve(HttpRequest.POST("/cart", CartLine("tea", 2)), lines)
        val cart = client.toBlocking().retrieve(HttpRequest.POST("/cart", CartLine("mug", 1)), lines)
        assertEquals(listOf(CartLine("tea", 2), CartLine("mug", 1)), cart)

        val stored = sessions.read(visits).orElseThrow()
        assertEquals(3, stored.pages, "the default of 1, then one per add")
        assertEquals(2, stored.cart.size)
    }

    @Test
    @SignedIn("ada@example.com")
    fun aSignedInUserSeesTheirSeededCart() {
        sessions.seed(visits, VisitData.empty().withCart(listOf(CartLine("kettle", 1))))
        assertEquals("ada@example.com has 1 lines", client.toBlocking().retrieve("/me"))
    }

    @Test
    fun aVisitorIsAskedToSignIn() {
        val refused = runCatching { client.toBlocking().retrieve("/me") }.exceptionOrNull()
        assertTrue(refused is HttpClientResponseException)
        assertEquals(HttpStatus.UNAUTHORIZED, (refused as HttpClientResponseException).status)
    }

    @Test
    fun theControllerWorksOnAFakeSession() {
        val fake = FakeSession()
        val shop = ShopController(Visits(fake))
        assertEquals(listOf(CartLine("tea", 1)), shop.add(CartLine("tea", 1)))
        assertTrue(fake.current().isNew)
    }
}
