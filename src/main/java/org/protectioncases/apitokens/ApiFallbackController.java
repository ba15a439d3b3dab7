package org.protectioncases.apitokens;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever under {@code /api/**} no endpoint answers gets a JSON error, never Vaadin's HTML: the
 * API is read-only, so any method but GET is 405 (with {@code Allow}), and an unknown path is 404.
 * More specific mappings (the real endpoints) always win over this one.
 */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    ResponseEntity<Map<String, String>> fallback(HttpServletRequest request) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "GET, HEAD")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body("method_not_allowed", "The reporting API is read-only: use GET"));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(body("not_found", "No such endpoint; see /v3/api-docs"));
    }

    private static Map<String, String> body(String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }
}
