package dev.sessionkit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SchemaModelTest {

    @Test
    void accessorsAreNamedWithTheSchemasEnglishPlural() {
        assertEquals("ShopSessions", SchemaModel.plural("ShopSession"));
        assertEquals("Addresses", SchemaModel.plural("Address"));
        assertEquals("Boxes", SchemaModel.plural("Box"));
        assertEquals("Batches", SchemaModel.plural("Batch"));
        assertEquals("Parties", SchemaModel.plural("Party"));
        assertEquals("Keys", SchemaModel.plural("Key"));
        assertEquals("Carts", SchemaModel.plural("Cart"));
    }
}
