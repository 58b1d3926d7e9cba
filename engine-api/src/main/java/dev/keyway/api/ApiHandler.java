package dev.keyway.api;

/** Answers one API request. Throw {@link ApiException} for a 4xx answer. */
@FunctionalInterface
public interface ApiHandler {

    ApiResponse handle(ApiRequest request);
}
