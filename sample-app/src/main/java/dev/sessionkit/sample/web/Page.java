package dev.sessionkit.sample.web;

import io.micronaut.core.annotation.Nullable;

/** The shop's HTML layout: every page is a title, an optional flash message and a body. */
final class Page {

    private Page() {}

    static String render(String title, @Nullable String flash, @Nullable String user, String csrf, String body) {
        String nav = user == null
                ? "<a href=\"/sign-in\">Sign in</a>"
                : "<a href=\"/account\">" + escape(user) + "</a> "
                        + "<form method=\"post\" action=\"/sign-out\" class=\"inline\">" + csrfField(csrf)
                        + "<button id=\"sign-out\">Sign out</button></form>";
        String notice = flash == null ? "" : "<p class=\"flash\" id=\"flash\">" + escape(flash) + "</p>";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · SessionKit shop</title>
                <link rel="stylesheet" href="/assets/shop.css"></head>
                <body><nav><a href="/">SessionKit shop</a><span>%s</span></nav>%s<h1>%s</h1>%s</body></html>
                """.formatted(escape(title), nav, notice, escape(title), body);
    }

    static String csrfField(String token) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + escape(token) + "\">";
    }

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
}
