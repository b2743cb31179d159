package dev.cairn.http.console;

/** A WebDriver command that chromedriver refused or could not carry out, with its W3C error. */
final class WebDriverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WebDriverException(String message) {
        super(message);
    }

    WebDriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
