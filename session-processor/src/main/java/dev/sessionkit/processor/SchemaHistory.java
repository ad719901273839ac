package dev.sessionkit.processor;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.tools.Diagnostic;

/**
 * The compile-time compatibility check: records each schema's stored names and their JSON shapes
 * in a small file the application commits ({@code src/main/session-schemas/<schema>.shape} by
 * default), and on every build compares the schema with it. A change that stored sessions cannot
 * survive is an error on the element, naming the old and new shape and the way out; a compatible
 * change passes with a note saying how to refresh the file.
 */
final class SchemaHistory {

    /** A directory for the shape files, instead of the one beside the source root. */
    static final String DIR_OPTION = "sessionkit.schemas.dir";
    /** {@code true} rewrites the shape files with this build's shapes, accepting every change. */
    static final String UPDATE_OPTION = "sessionkit.schemas.update";

    private static final String RETIRED = "(retired)";
    private static final String UNREAD = "(unread)";
    private static final String HOW_TO_UPDATE =
            "-A" + UPDATE_OPTION + "=true (or -D" + UPDATE_OPTION + "=true when javac runs inside Maven)";

    private final ProcessingEnvironment env;
    private final boolean update;

    SchemaHistory(ProcessingEnvironment env) {
        this.env = env;
        String option = env.getOptions().get(UPDATE_OPTION);
        this.update = Boolean.parseBoolean(option == null ? System.getProperty(UPDATE_OPTION) : option);
    }

    void check(SchemaModel model, AnnotationMirror annotation, ValidationReport report) throws IOException {
        Path file = file(model);
        if (file == null) {
            return;
        }
        Map<String, String> now = shapes(model);
        if (update || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(model, now), StandardCharsets.UTF_8);
            note(
                    model,
                    "recorded the stored shape of " + model.schema().simpleName() + " in " + file
                            + "; commit it, so that later builds are checked against it");
            return;
        }
        Map<String, String> before = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> old : before.entrySet()) {
            compare(model, annotation, report, file, old.getKey(), old.getValue(), now.get(old.getKey()), changes);
        }
        now.keySet().stream().filter(name -> !before.containsKey(name)).forEach(name -> changes.add("added " + name));
        if (!changes.isEmpty() && report.isClean()) {
            note(
                    model,
                    model.schema().simpleName() + " changed compatibly since " + file + " ("
                            + String.join("; ", changes) + "); refresh that file with " + HOW_TO_UPDATE
                            + " and commit it");
        }
    }

    private void compare(
            SchemaModel model,
            AnnotationMirror annotation,
            ValidationReport report,
            Path file,
            String name,
            String before,
            String after,
            List<String> changes) {
        FieldModel field = field(model, name);
        if (before.equals(RETIRED) || before.equals(UNREAD)) {
            if (after == null || (field != null && !after.equals(before))) {
                report.error(
                        field == null ? model.element() : field.method(),
                        field == null ? annotation : null,
                        "Incompatible",
                        "stored name '" + name + "' was declared " + before.substring(1, before.length() - 1) + " in "
                                + file + "; keep it in @SessionSchema(retired = ...) or (unread = ...), so that it is"
                                + " never read again as something else");
            } else if (!after.equals(before)) {
                changes.add(name + " " + before + " -> " + after);
            }
            return;
        }
        if (after == null) {
            report.error(
                    model.element(),
                    annotation,
                    "Incompatible",
                    "stored field '" + name + "' (" + before + ") is gone, but sessions written by earlier builds hold"
                            + " it; list it in @SessionSchema(unread = \"" + name + "\") while older builds still run,"
                            + " or in retired = \"" + name + "\" to remove it from sessions; if it was renamed, add"
                            + " @SessionField(formerNames = \"" + name + "\") to its new method");
            return;
        }
        if (after.equals(RETIRED) || after.equals(UNREAD)) {
            changes.add(name + " " + after);
            return;
        }
        String problem = ShapeChange.problem(before, after);
        if (problem == null) {
            if (!after.equals(before)) {
                changes.add(name + " " + before + " -> " + after);
            }
            return;
        }
        report.error(
                field == null ? model.element() : field.method(),
                field == null ? annotation : null,
                "Incompatible",
                "stored field '" + name + "' was " + before + " and is now " + after + " (" + problem + "): values"
                        + " earlier builds stored may not decode and would read as the default. Keep a compatible"
                        + " type, or store the new one under a new name (@SessionField(name = ...)) and list '" + name
                        + "' in @SessionSchema(unread = ...); to accept the change, refresh " + file + " with "
                        + HOW_TO_UPDATE);
    }

    /** @return the field stored under {@code name} or reading it as a former name, or null */
    private static FieldModel field(SchemaModel model, String name) {
        for (FieldModel field : model.fields()) {
            if (field.storedName().equals(name) || field.formerNames().contains(name)) {
                return field;
            }
        }
        return null;
    }

    /** @return every stored name the schema knows, with its shape, in declaration order */
    private static Map<String, String> shapes(SchemaModel model) {
        Map<String, String> shapes = new LinkedHashMap<>();
        Shapes describe = new Shapes();
        for (FieldModel field : model.fields()) {
            String shape = describe.of(field.method().getReturnType());
            shapes.put(field.storedName(), shape);
            for (String former : field.formerNames()) {
                shapes.put(former, shape);
            }
        }
        model.retired().forEach(name -> shapes.put(name, RETIRED));
        model.unread().forEach(name -> shapes.put(name, UNREAD));
        return shapes;
    }

    private static String render(SchemaModel model, Map<String, String> shapes) {
        StringBuilder text = new StringBuilder("# The stored shape of ")
                .append(model.schema().canonicalName())
                .append(", written by SessionKit's processor: commit it. Each build is checked against it;\n")
                .append("# refresh it with ")
                .append(HOW_TO_UPDATE)
                .append(". See docs/changing-a-schema.md.\n");
        shapes.forEach(
                (name, shape) -> text.append(name).append(" = ").append(shape).append('\n'));
        return text.toString();
    }

    private static Map<String, String> parse(List<String> lines) {
        Map<String, String> shapes = new LinkedHashMap<>();
        for (String line : lines) {
            int equals = line.indexOf(" = ");
            if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                shapes.put(
                        line.substring(0, equals).strip(),
                        line.substring(equals + 3).strip());
            }
        }
        return shapes;
    }

    /** @return the schema's shape file, or null when neither the option nor the source's location tells */
    private Path file(SchemaModel model) {
        String name = model.schema().canonicalName() + ".shape";
        String dir = env.getOptions().get(DIR_OPTION);
        if (dir != null) {
            return Path.of(dir).resolve(name);
        }
        Path root = sourceRoot(model);
        return root == null || root.getParent() == null
                ? null
                : root.getParent().resolve("session-schemas").resolve(name);
    }

    private Path sourceRoot(SchemaModel model) {
        try {
            TreePath path = Trees.instance(env).getPath(model.element());
            URI uri = path == null
                    ? null
                    : path.getCompilationUnit().getSourceFile().toUri();
            if (uri == null || !"file".equals(uri.getScheme())) {
                return null;
            }
            Path root = Path.of(uri).getParent();
            String pkg = model.schema().packageName();
            for (int i = 0;
                    !pkg.isEmpty() && i <= pkg.length() - pkg.replace(".", "").length();
                    i++) {
                root = root.getParent();
            }
            return root;
        } catch (IllegalArgumentException notJavac) {
            return null;
        }
    }

    private void note(SchemaModel model, String message) {
        env.getMessager().printMessage(Diagnostic.Kind.NOTE, "[SessionSchemaShapes] " + message, model.element());
    }
}
