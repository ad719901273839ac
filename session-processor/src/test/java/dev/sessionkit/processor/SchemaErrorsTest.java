package dev.sessionkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** One test per compile error: each names its rule, lands on the offending line and says how to fix it. */
class SchemaErrorsTest {

    @Test
    void aClassIsNotASchema() {
        assertError("NotInterface", "[SessionSchemaNotInterface]", "public class NotInterface", "public interface");
    }

    @Test
    void aMethodWithParametersIsNotAField() {
        assertError(
                "MethodParameters",
                "[SessionSchemaMethodParameters]",
                "int score(String game)",
                "remove the parameters");
    }

    @Test
    void aVoidMethodIsNotAField() {
        assertError("VoidMethod", "[SessionSchemaVoidMethod]", "void touch()", "returns the field's type");
    }

    @Test
    void aGenericMethodIsNotAField() {
        assertError("GenericMethod", "[SessionSchemaGeneric]", "<T> List<T> items()", "remove <T>");
    }

    @Test
    void anUnsupportedTypeIsNamed() {
        assertError("UnsupportedType", "[SessionSchemaUnsupportedType]", "Worker worker()", "annotate it @Serdeable");
    }

    @Test
    void aJdkTypeIsNamedWithoutSuggestingSerdeable() {
        JavaFileObject file = Sources.resource("bad/JdkType.java");
        Compilation compilation = Sources.compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[SessionSchemaUnsupportedType]")
                .inFile(file)
                .onLineContaining("InputStream upload()");
        assertThat(compilation).hadErrorContaining("java.io.InputStream is a JDK type");
        assertThat(compilation).hadErrorContaining("a @Serdeable record of your own");
        Assertions.assertFalse(
                compilation.errors().get(0).getMessage(null).contains("annotate it @Serdeable"),
                "a JDK class cannot be annotated");
    }

    @Test
    void aFailingSchemaStillGeneratesItsTypesSoCodeUsingThemAddsNoErrors() {
        JavaFileObject schema = Sources.resource("bad/UnsupportedType.java");
        JavaFileObject user = Sources.resource("bad/UsesBrokenSchema.java");
        Compilation compilation = Sources.compileWithMicronaut(schema, user);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[SessionSchemaUnsupportedType]")
                .inFile(schema);
    }

    @Test
    void oneFailingSchemaDoesNotStopTheOthers() {
        JavaFileObject bad = Sources.resource("bad/VoidMethod.java");
        JavaFileObject user = Sources.resource("bad/UsesGoodSchemas.java");
        JavaFileObject[] good = Sources.good("ShopSession", "CartItem", "Address", "Tier");
        JavaFileObject[] all = new JavaFileObject[good.length + 2];
        all[0] = bad;
        all[1] = user;
        System.arraycopy(good, 0, all, 2, good.length);
        Compilation compilation = Sources.compileWithMicronaut(all);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[SessionSchemaVoidMethod]").inFile(bad);
    }

    @Test
    void mapKeysMustBeStrings() {
        assertError("UnsupportedMapKey", "[SessionSchemaUnsupportedType]", "byId()", "keys must be String");
    }

    @Test
    void aPrimitiveCannotBeNullable() {
        assertError("NullablePrimitive", "[SessionSchemaUnsupportedType]", "int visits()", "use its box");
    }

    @Test
    void twoFieldsCannotShareAStoredNameAndBothAreNamedAtTheirAnnotation() {
        JavaFileObject file = Sources.resource("bad/DuplicateField.java");
        Compilation compilation = Sources.compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining("'userId' is stored as 'user', like 'userName'; give one of them another")
                .inFile(file)
                .onLineContaining("@SessionField(name = \"user\")");
        assertThat(compilation)
                .hadErrorContaining("'userName' is stored as 'user', like 'userId'")
                .inFile(file)
                .onLineContaining("@SessionField(formerNames = {}, name = \"user\")");
    }

    @Test
    void sessionMetadataNamesAreReserved() {
        assertError("ReservedName", "[SessionSchemaReservedName]", "String expiresAt()", "rename the method");
    }

    @Test
    void metadataAndFlashPrefixesAreReservedInStoredNames() {
        assertError(
                "ReservedStoredName",
                "[SessionSchemaReservedName]",
                "@SessionField(name = \"$created\")",
                "'$' starts session metadata");
    }

    @Test
    void aSchemaMustBePublic() {
        assertError("NotPublic", "[SessionSchemaNotPublic]", "interface NotPublic", "declare it public");
    }

    @Test
    void aFieldThatCanBeAbsentNeedsADefault() {
        assertError("NoDefault", "[SessionSchemaNoDefault]", "String name()", "mark it @Nullable");
    }

    @Test
    void twoSchemasCannotClaimOneNamespace() {
        JavaFileObject one = Sources.resource("bad/CartOne.java");
        JavaFileObject two = Sources.resource("bad/CartTwo.java");
        Compilation compilation = Sources.compile(one, two);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        "[SessionSchemaDuplicateNamespace] namespace \"cart\" is already claimed by bad.CartOne")
                .inFile(two)
                .onLineContaining("@SessionSchema(namespace = \"cart\")");
    }

    private static void assertError(String name, String tag, String line, String fix) {
        JavaFileObject file = Sources.resource("bad/" + name + ".java");
        Compilation compilation = Sources.compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(tag).inFile(file).onLineContaining(line);
        assertThat(compilation).hadErrorContaining(fix);
    }

    @Test
    void aDefaultThatDoesNotFitItsTypeIsNamedOnTheValue() {
        assertError(
                "BadDefault", "[SessionSchemaBadDefault]", "defaultValue = \"\\\"one\\\"\"", "expected a whole number");
    }

    @Test
    void aFieldAnnotationOnADefaultMethodIsAnError() {
        assertError(
                "FieldOnDefaultMethod",
                "[SessionSchemaFieldOnMethod]",
                "@SessionField(name = \"seen\")",
                "would be ignored; remove the annotation");
    }

    @Test
    void aStoredNameMeansOneThing() {
        JavaFileObject file = Sources.resource("bad/FormerNameClash.java");
        Compilation compilation = Sources.compile(file);
        assertThat(compilation)
                .hadErrorContaining("stored name 'basket' of 'cart' is already used by 'basket'")
                .inFile(file)
                .onLineContaining("@SessionField(formerNames = \"basket\")");
        assertThat(compilation)
                .hadErrorContaining("stored name 'coupon' of 'points' is already used by retired")
                .inFile(file)
                .onLineContaining("@SessionField(formerNames = \"coupon\")");
    }
}
