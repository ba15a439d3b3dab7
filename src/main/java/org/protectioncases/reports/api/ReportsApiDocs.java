package org.protectioncases.reports.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title and its one security scheme: a personal API token as bearer token. */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Protection Cases reporting API", version = "v1",
        description = "Read-only factsheet figures, scoped to the token's owner. Tokens are issued by UNHCR managers"
                + " (API tokens page) and sent as `Authorization: Bearer pc_...`."))
@SecurityScheme(name = ReportsApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "pc_<prefix>_<secret>")
class ReportsApiDocs {

    static final String BEARER = "bearer";
}
