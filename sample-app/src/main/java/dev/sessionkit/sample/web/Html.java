package dev.sessionkit.sample.web;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/** Small pieces of HTML the pages share: escaping, prices, the CSRF field and labelled inputs. */
final class Html {

    private Html() {}

    static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return a price such as {@code €14.00} */
    static String money(long cents) {
        return String.format(Locale.ROOT, "€%d.%02d", cents / 100, cents % 100);
    }

    static String csrfField(String token) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + escape(token) + "\">";
    }

    /**
     * A checkbox with its label after it, the whole line clickable.
     *
     * @param name its id and form name; the form sends {@code on} when it is ticked
     * @param label what it says
     * @param checked whether it starts ticked
     */
    static String checkbox(String name, String label, boolean checked) {
        return "<div class=\"field check\"><label><input type=\"checkbox\" id=\"" + name + "\" name=\"" + name + "\""
                + (checked ? " checked" : "") + "> " + escape(label) + "</label></div>";
    }

    /**
     * A labelled input with its error, if any, right below it and tied to it for screen readers.
     *
     * @param input what the input is: its id and name, label, type, autocomplete hint
     * @param value the value to show again, or null
     * @param error what is wrong with it, or null
     */
    static String field(Input input, @Nullable String value, @Nullable String error) {
        StringBuilder html = new StringBuilder("<div class=\"field\"><label for=\"")
                .append(input.name())
                .append("\">")
                .append(escape(input.label()))
                .append("</label><input id=\"")
                .append(input.name())
                .append("\" name=\"")
                .append(input.name())
                .append("\" type=\"")
                .append(input.type())
                .append("\" autocomplete=\"")
                .append(input.autocomplete())
                .append('"');
        if (input.required()) {
            html.append(" required");
        }
        if (value != null && !"password".equals(input.type())) {
            html.append(" value=\"").append(escape(value)).append('"');
        }
        if (error != null) {
            html.append(" aria-invalid=\"true\" aria-describedby=\"")
                    .append(input.name())
                    .append("-error\"><p class=\"field-error\" id=\"")
                    .append(input.name())
                    .append("-error\">")
                    .append(escape(error))
                    .append("</p>");
        } else {
            html.append('>');
        }
        return html.append("</div>").toString();
    }

    /**
     * One form input.
     *
     * @param name its id and form name
     * @param label what its label says
     * @param type its HTML type
     * @param autocomplete the browser's autofill hint
     * @param required whether the form needs it
     */
    record Input(String name, String label, String type, String autocomplete, boolean required) {}
}
