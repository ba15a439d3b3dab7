package org.protectioncases.reports.api;

/** A request parameter the API cannot use; answered as 400 naming the parameter. */
class BadParameterException extends RuntimeException {

    private final String field;

    BadParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
