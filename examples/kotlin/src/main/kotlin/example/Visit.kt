package example

import dev.sessionkit.annotation.SessionField
import dev.sessionkit.annotation.SessionSchema
import io.micronaut.serde.annotation.Serdeable

// tag::schema[]
/** What this app keeps per visitor; SessionKit generates VisitData, Visits and a binder from it. */
@SessionSchema
interface Visit {
    /** The signed-in user's display name; null for a guest. */
    val name: String?

    /** The items in the cart, kept for guests too. */
    val cart: List<CartLine>

    /** How many pages the visitor has seen; 1 in a new session. */
    @get:SessionField(defaultValue = "1")
    val pages: Int
}

/** One line of the cart: a data class, stored as JSON through micronaut-serde. */
@Serdeable
data class CartLine(val sku: String, val quantity: Int)
// end::schema[]
