package dev.sessionkit.processor;

/** How a schema field is stored and defaulted. */
enum FieldKind {
    /** A primitive: defaults to zero or false. */
    PRIMITIVE,
    /** A {@code @Nullable} single value: defaults to null. */
    NULLABLE_VALUE,
    /** A List: defaults to empty, stored immutable. */
    LIST,
    /** A Set: defaults to empty, stored immutable. */
    SET,
    /** A Map with String keys: defaults to empty, stored immutable. */
    MAP,
    /** Another {@code @SessionSchema}: stored as its generated data record, defaults to its empty value. */
    NESTED
}
