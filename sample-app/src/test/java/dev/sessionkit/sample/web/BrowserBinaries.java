package dev.sessionkit.sample.web;

import java.io.File;
import java.util.List;
import java.util.Optional;

/**
 * Finds a Chromium or Chrome and its ChromeDriver on the PATH, on any OS. Tools that download a
 * browser of their own do not work on a closed network, so the test uses what is installed.
 *
 * @param browser the browser's executable
 * @param driver the driver's executable
 */
record BrowserBinaries(File browser, File driver) {

    private static final List<String> BROWSERS =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");

    /** @return both executables, or empty when either is missing */
    static Optional<BrowserBinaries> find() {
        Optional<File> browser = BROWSERS.stream()
                .map(BrowserBinaries::onPath)
                .flatMap(Optional::stream)
                .findFirst();
        Optional<File> driver = onPath("chromedriver");
        return browser.isPresent() && driver.isPresent()
                ? Optional.of(new BrowserBinaries(browser.get(), driver.get()))
                : Optional.empty();
    }

    private static Optional<File> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean windows = File.separatorChar == '\\';
        for (String dir : path.split(File.pathSeparator)) {
            for (String candidate : windows ? List.of(name + ".exe") : List.of(name)) {
                File file = new File(dir, candidate);
                if (file.isFile() && file.canExecute()) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }
}
