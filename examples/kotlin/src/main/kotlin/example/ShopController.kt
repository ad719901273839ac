package example

import dev.sessionkit.user.AuthContext
import dev.sessionkit.user.RequiresUser
import io.micronaut.http.annotation.Body
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.http.annotation.Post
import io.micronaut.serde.annotation.Serdeable

/** A cart any visitor can fill, and a sign-in that keeps it. */
@Controller
class ShopController(private val visits: Visits) {

    // tag::controller[]
    @Post("/cart")
    fun add(@Body line: CartLine): List<CartLine> {
        visits.update { visit -> visit.withCart(visit.cart + line).withPages(visit.pages + 1) }
        return visits.require().cart
    }

    @Get("/cart")
    fun cart(visit: Visit?): List<CartLine> = visit?.cart ?: emptyList()

    @Post("/sign-in")
    fun signIn(@Body credentials: Credentials): String {
        // Check the password against your users here; SessionKit only keeps who signed in.
        visits.signIn(credentials.email, "web")
        visits.update { visit -> visit.withName(credentials.email) }
        return "Signed in"
    }

    @RequiresUser
    @Get("/me")
    fun me(user: AuthContext, visit: Visit): String = "${user.subject()} has ${visit.cart.size} lines"
    // end::controller[]

    @Post("/sign-out")
    fun signOut(): String {
        visits.destroy()
        return "Signed out"
    }
}

/** What the sign-in form sends. */
@Serdeable
data class Credentials(val email: String, val password: String)
