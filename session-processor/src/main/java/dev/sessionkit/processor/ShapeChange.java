package dev.sessionkit.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a build can read what a previous build stored, from the two shapes {@link
 * Shapes} wrote: a number may widen, an enum may gain constants, a record may gain or lose
 * components, a list may become a set; anything else that changes is incompatible.
 */
final class ShapeChange {

    private static final List<String> WHOLE = List.of("int8", "int16", "int32", "int64", "integer");
    private static final List<String> TEXT_LIKE = List.of("char", "uuid");

    private ShapeChange() {}

    /**
     * @param before the shape stored until now
     * @param after this build's shape
     * @return why values stored as {@code before} may not decode as {@code after}, or null when they all do
     */
    static String problem(String before, String after) {
        return compare(Node.parse(before), Node.parse(after), "");
    }

    private static String compare(Node before, Node after, String path) {
        if (before.equals(after)) {
            return null;
        }
        String where = path.isEmpty() ? "" : " at " + path;
        if (isNumber(before.kind) && isNumber(after.kind)) {
            return widens(before.kind, after.kind)
                    ? null
                    : "numbers" + where + " narrow from " + before + " to " + after;
        }
        if (before.kind.equals("enum") && after.kind.equals("enum")) {
            List<String> removed = new ArrayList<>(before.args);
            removed.removeAll(after.args);
            return removed.isEmpty() ? null : "enum constants " + removed + where + " are gone";
        }
        boolean stringAfter = after.kind.equals("string");
        if (stringAfter
                && (before.kind.equals("enum") || TEXT_LIKE.contains(before.kind) || before.kind.equals("time"))) {
            return null;
        }
        boolean collections = (before.kind.equals("list") || before.kind.equals("set"))
                && (after.kind.equals("list") || after.kind.equals("set"));
        if (collections || (before.kind.equals("map") && after.kind.equals("map"))) {
            return compare(before.element(), after.element(), path + "[]");
        }
        if (before.kind.equals("object") && after.kind.equals("object")) {
            for (Map.Entry<String, Node> member : before.members.entrySet()) {
                Node now = after.members.get(member.getKey());
                String problem = now == null ? null : compare(member.getValue(), now, path + "." + member.getKey());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (before.kind.equals("ref") || after.kind.equals("ref")) {
            return null;
        }
        return (path.isEmpty() ? "" : path.substring(path.startsWith(".") ? 1 : 0) + " ") + "was " + before + ", is "
                + after;
    }

    private static boolean isNumber(String kind) {
        return WHOLE.contains(kind) || kind.equals("float32") || kind.equals("float64") || kind.equals("decimal");
    }

    private static boolean widens(String from, String to) {
        if (WHOLE.contains(from) && WHOLE.contains(to)) {
            return WHOLE.indexOf(from) <= WHOLE.indexOf(to);
        }
        if (to.equals("decimal")) {
            return true;
        }
        if (to.equals("float64")) {
            return !from.equals("decimal") && !from.equals("integer");
        }
        return to.equals("float32") && (from.equals("float32") || from.equals("int8") || from.equals("int16"));
    }

    /** A parsed shape: a kind with type arguments, enum constants or object members. */
    private record Node(String kind, List<String> args, Map<String, Node> members, List<Node> elements, String text) {

        static Node parse(String text) {
            Parser parser = new Parser(text);
            return parser.node();
        }

        Node element() {
            return elements.get(0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Node n && n.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node node() {
            int start = at;
            String kind = word();
            List<String> args = new ArrayList<>();
            Map<String, Node> members = new LinkedHashMap<>();
            List<Node> elements = new ArrayList<>();
            if (at < text.length() && text.charAt(at) == '<') {
                at++;
                elements.add(node());
                at++;
            } else if (at < text.length() && text.charAt(at) == '(') {
                at++;
                while (text.charAt(at) != ')') {
                    args.add(word());
                    if (text.charAt(at) == ',') {
                        at++;
                    }
                }
                at++;
            } else if (at < text.length() && text.charAt(at) == '{') {
                at++;
                while (text.charAt(at) != '}') {
                    String name = word();
                    at++;
                    members.put(name, node());
                    if (text.charAt(at) == ',') {
                        at++;
                    }
                }
                at++;
            } else if (at < text.length() && text.charAt(at) == ':') {
                at++;
                args.add(word());
            }
            return new Node(kind, args, members, elements, text.substring(start, at));
        }

        private String word() {
            int start = at;
            while (at < text.length() && "<>(){}:,".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at);
        }
    }
}
