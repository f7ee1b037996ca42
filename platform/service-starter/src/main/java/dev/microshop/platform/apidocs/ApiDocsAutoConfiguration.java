package dev.microshop.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * What every service's OpenAPI document (springdoc, {@code /v3/api-docs}) says beyond its controllers: whose it is,
 * that it is called through the gateway (the server is "/", the origin of the gateway's Swagger UI, so "Try it out"
 * goes through the gateway like any client), and that calls carry a bearer access token from
 * {@code POST /api/auth/token}: pasted, or got by Swagger UI's Authorize dialog with the OAuth 2 password grant that
 * the same endpoint accepts. Error answers are documented from the services' problem-detail handlers.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiDocsAutoConfiguration {

    static final String BEARER = "bearer";
    static final String LOG_IN = "log-in";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI microshopOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info()
                        .title(service)
                        .version("v1")
                        .description("The REST API of microshop's " + service + ", called through the gateway."
                                + " Errors are RFC 9457 problem details (application/problem+json) with a traceId."))
                .servers(List.of(new Server().url("/").description("the gateway")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token: POST /api/auth/token with your e-mail and"
                                                + " password (user-service), then paste its accessToken here."))
                        .addSecuritySchemes(
                                LOG_IN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .description("Log in with your e-mail (as username) and password; the client"
                                                + " fields stay empty.")
                                        .flows(new OAuthFlows()
                                                .password(new OAuthFlow()
                                                        .tokenUrl("/api/auth/token")
                                                        .scopes(new Scopes())))))
                // Either one: a pasted token, or a log-in through the dialog.
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(LOG_IN));
    }

    /**
     * Every operation answers a client's mistake (4XX) or a failure (5XX) with a problem; the status and title say
     * which. What each status means for an operation is in the service's README.
     */
    @Bean
    GlobalOpenApiCustomizer problemAnswers() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            Content problem = new Content()
                    .addMediaType(
                            "application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .forEach(operation -> operation
                            .getResponses()
                            .addApiResponse(
                                    "4XX",
                                    new ApiResponse()
                                            .description("The request was refused; the problem says why")
                                            .content(problem))
                            .addApiResponse(
                                    "5XX",
                                    new ApiResponse()
                                            .description("The service or one it needs failed; quote the traceId")
                                            .content(problem)));
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("Request validation failed"))
                .addProperty("instance", new StringSchema().example("/api/orders"))
                .addProperty("traceId", new StringSchema().example("4bf92f3577b34da6a3ce929d0e0e4736"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("the fields at fault, for invalid input")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema().example("items[0].quantity"))
                                        .addProperty("message", new StringSchema().example("must be at least 1"))));
    }
}
