package dev.sessionkit.store.jdbc;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where the event loops' own read connections go ({@link LoopReads}), taken from the data
 * source's JDBC URL. Only a URL those connections serve exactly as the driver would is taken: one
 * host, no TLS asked for (or a loopback host, where the driver's default "prefer" changes
 * nothing that matters), and no parameter that changes how the driver talks to the server.
 * Anything else keeps every read on JDBC, and {@link #parse} says why.
 *
 * @param host the server's host
 * @param port its port
 * @param startup the startup message's parameters: user, database and the session settings
 * @param password the password, or null for none
 */
record WireAddress(
        String host,
        int port,
        Map<String, String> startup,
        @Nullable String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    /** URL parameters that only tune the driver's own behaviour, which the read connections do not share. */
    private static final Set<String> DRIVER_ONLY = Set.of(
            "ApplicationName",
            "connectTimeout",
            "loginTimeout",
            "socketTimeout",
            "tcpKeepAlive",
            "prepareThreshold",
            "preparedStatementCacheQueries",
            "preparedStatementCacheSizeMiB",
            "reWriteBatchedInserts",
            "defaultRowFetchSize",
            "stringtype",
            "sslmode");

    /** Why a URL is not taken, said once at startup. */
    @FunctionalInterface
    interface Refusal {
        void because(String reason);
    }

    /**
     * @param url the JDBC URL
     * @param user the data source's user, or null to take it from the URL
     * @param password the data source's password, or null to take it from the URL
     * @param refusal told why, when the URL is not taken
     * @return the address, or null when reads must stay on JDBC
     */
    static @Nullable WireAddress parse(
            @NonNull String url, @Nullable String user, @Nullable String password, @NonNull Refusal refusal) {
        if (!url.startsWith(PREFIX)) {
            refusal.because("the URL is not jdbc:postgresql://");
            return null;
        }
        String rest = url.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        String authority =
                slash < 0 ? rest.substring(0, question < 0 ? rest.length() : question) : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1, question < 0 ? rest.length() : question);
        Map<String, String> params = query(question < 0 ? "" : rest.substring(question + 1));
        if (authority.contains(",") || authority.isEmpty()) {
            refusal.because("the URL names several hosts or none");
            return null;
        }
        int colon = authority.lastIndexOf(':');
        boolean bracketed = authority.startsWith("[");
        boolean hasPort = colon > 0 && (!bracketed || authority.lastIndexOf(']') < colon);
        String host = hasPort ? authority.substring(0, colon) : authority;
        host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port;
        try {
            port = hasPort ? Integer.parseInt(authority.substring(colon + 1)) : 5432;
        } catch (NumberFormatException e) {
            refusal.because("the URL's port is not a number");
            return null;
        }
        String sslmode = params.getOrDefault("sslmode", "prefer");
        boolean plain = sslmode.equals("disable")
                || (isLoopback(host) && Set.of("allow", "prefer").contains(sslmode));
        if (!plain || params.containsKey("ssl")) {
            refusal.because(
                    "the connection may use TLS (sslmode " + sslmode + "), which these connections do not speak");
            return null;
        }
        Map<String, String> startup = new LinkedHashMap<>();
        startup.put("user", user != null ? user : params.getOrDefault("user", System.getProperty("user.name")));
        startup.put("database", database.isEmpty() ? startup.get("user") : decode(database));
        startup.put("client_encoding", "UTF8");
        startup.put("application_name", params.getOrDefault("ApplicationName", "SessionKit"));
        for (Map.Entry<String, String> param : params.entrySet()) {
            switch (param.getKey()) {
                case "user", "password" -> {}
                case "currentSchema" -> startup.put("search_path", param.getValue());
                case "options" -> startup.put("options", param.getValue());
                default -> {
                    if (!DRIVER_ONLY.contains(param.getKey())) {
                        refusal.because("the URL sets " + param.getKey() + ", which these connections do not follow");
                        return null;
                    }
                }
            }
        }
        return new WireAddress(host, port, Map.copyOf(startup), password != null ? password : params.get("password"));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        // Only a literal address is resolved, which needs no lookup; any other name is not loopback here.
        if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The socket address to connect to. A name is looked up on {@code blocking}, since the lookup
     * may wait on DNS and connections open on an event loop; an address literal needs no lookup.
     *
     * @param blocking where a lookup may wait
     * @return the address, or a failure when the name does not resolve
     */
    CompletableFuture<InetSocketAddress> resolve(Executor blocking) {
        if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
            return CompletableFuture.completedFuture(new InetSocketAddress(host, port));
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    InetSocketAddress resolved = new InetSocketAddress(host, port);
                    if (resolved.isUnresolved()) {
                        throw new IllegalStateException(host + " does not resolve");
                    }
                    return resolved;
                },
                blocking);
    }

    /** @return the user the connection signs in as */
    String user() {
        return startup.get("user");
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + startup.get("database");
    }
}
