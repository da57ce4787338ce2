package io.prod2test.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.ingest.OpenApiRoutes.Route;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiRoutesTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(OpenApiRoutesTest.class.getResource("/ingest/openapi/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** A minimal OpenAPI 3.0 document with the given servers and paths blocks (YAML, indented by the caller). */
    private Path doc(String name, String serversAndPaths) throws IOException {
        return write(name, """
                openapi: 3.0.3
                info: {title: test, version: "1"}
                """ + serversAndPaths);
    }

    private static String op(String method) {
        return method + ": {responses: {\"200\": {description: ok}}}";
    }

    @Nested
    class TheSampleShop {
        private final OpenApiRoutes shop = OpenApiRoutes.read(fixture("shop.yaml"));

        @Test
        void everyOperationIsARouteInDocumentOrderAndTheDocumentIsClean() {
            assertThat(shop.routes()).containsExactly(
                    new Route("GET", "/health"),
                    new Route("GET", "/products"),
                    new Route("GET", "/products/{sku}"),
                    new Route("POST", "/customers"),
                    new Route("GET", "/customers/{customerId}"),
                    new Route("PUT", "/customers/{customerId}/kyc"),
                    new Route("GET", "/customers/{customerId}/cards"),
                    new Route("POST", "/customers/{customerId}/cards"),
                    new Route("DELETE", "/customers/{customerId}/cards/{cardId}"),
                    new Route("GET", "/customers/{customerId}/orders"),
                    new Route("POST", "/carts"),
                    new Route("GET", "/carts/{cartId}"),
                    new Route("POST", "/carts/{cartId}/items"),
                    new Route("POST", "/carts/{cartId}/checkout"),
                    new Route("GET", "/orders/{orderId}"),
                    new Route("POST", "/orders/{orderId}/authenticate"),
                    new Route("POST", "/orders/{orderId}/shipments"),
                    new Route("POST", "/orders/{orderId}/refunds"));
            assertThat(shop.warnings()).isEmpty();
        }

        @Test
        void namesConcreteRequestsWithTheDocumentsParameterNames() {
            assertThat(shop.templateOf("GET", "/customers/cus_3f2a9c81d0e4")).contains("/customers/{customerId}");
            assertThat(shop.templateOf("DELETE", "/customers/cus_3f2a9c81d0e4/cards/card_9f3a11c2d4e5"))
                    .contains("/customers/{customerId}/cards/{cardId}");
            assertThat(shop.templateOf("POST", "/carts/cart_0a1b2c3d4e5f/checkout")).contains("/carts/{cartId}/checkout");
            assertThat(shop.templateOf("GET", "/products/RICE-COOKER")).contains("/products/{sku}");
            assertThat(shop.templateOf("POST", "/carts")).contains("/carts");
        }

        @Test
        void methodsInAnyCaseTrailingSlashQueryAndPercentEncodingAreTolerated() {
            assertThat(shop.templateOf("get", "/customers/cus_3f2a9c81d0e4/orders")).contains("/customers/{customerId}/orders");
            assertThat(shop.templateOf("Put", "/customers/cus_3f2a9c81d0e4/kyc/")).contains("/customers/{customerId}/kyc");
            assertThat(shop.templateOf("GET", "/customers/cus_3f2a9c81d0e4/orders?limit=2&cursor=b3JkXzE")).contains("/customers/{customerId}/orders");
            assertThat(shop.templateOf("GET", "/products/RICE%20COOKER")).contains("/products/{sku}");
            // An encoded slash is data inside one segment, never a separator.
            assertThat(shop.templateOf("GET", "/products/GIFT%2FCARD")).contains("/products/{sku}");
            assertThat(shop.templateOf("GET", "/%70roducts")).contains("/products");
        }

        @Test
        void unknownPathsAndWrongMethodsHaveNoTemplate() {
            assertThat(shop.templateOf("GET", "/admin")).isEmpty();
            assertThat(shop.templateOf("GET", "/")).isEmpty();
            assertThat(shop.templateOf("GET", "")).isEmpty();
            assertThat(shop.templateOf("OPTIONS", "*")).isEmpty();
            assertThat(shop.templateOf("GET", "/customers/cus_1/cards/card_2/extra")).isEmpty();
            assertThat(shop.templateOf("GET", "/customers/cus_1/cards/card_2")).as("only DELETE there").isEmpty();
            assertThat(shop.templateOf("PATCH", "/customers/cus_1")).isEmpty();
            assertThat(shop.templateOf("HEAD", "/products")).as("HEAD is not GET").isEmpty();
            // A parameter takes exactly one non-empty segment.
            assertThat(shop.templateOf("GET", "/customers//cards")).isEmpty();
            assertThat(shop.templateOf("GET", "/customers/a/b/cards")).isEmpty();
            assertThat(shop.templateOf("GET", "/products//")).isEmpty();
        }
    }

    @Test
    void theSamplePaymentsServerWithATrailingSlashHasNoBasePath() {
        OpenApiRoutes payments = OpenApiRoutes.read(fixture("payments.yaml"));

        assertThat(payments.routes()).hasSize(8).contains(
                new Route("POST", "/payments/{paymentId}/3ds/confirm"),
                new Route("GET", "/payments/{paymentId}/refunds"),
                new Route("POST", "/payments/{paymentId}/refunds"));
        assertThat(payments.templateOf("POST", "/payments/pay_81d2aa0c41f0e9b3/3ds/confirm")).contains("/payments/{paymentId}/3ds/confirm");
        assertThat(payments.templateOf("POST", "/payments/pay_81d2aa0c41f0e9b3/capture")).contains("/payments/{paymentId}/capture");
        assertThat(payments.templateOf("POST", "/tokens")).contains("/tokens");
        assertThat(payments.templateOf("DELETE", "/payments/pay_81d2aa0c41f0e9b3")).isEmpty();
        assertThat(payments.warnings()).isEmpty();
    }

    @Nested
    class AnOpenApi31JsonDocumentBehindAGateway {
        private final OpenApiRoutes gateway = OpenApiRoutes.read(fixture("gateway-3.1.json"));

        @Test
        void pathsAreMatchedAndNamedUnderTheServersBasePath() {
            assertThat(gateway.templateOf("GET", "/v1/customers/812/cards/card_9f")).contains("/v1/customers/{customerId}/cards/{cardId}");
            assertThat(gateway.templateOf("GET", "/customers/812/cards/card_9f")).as("not under /v1").isEmpty();
            assertThat(gateway.templateOf("GET", "/v2/customers/812")).isEmpty();
        }

        @Test
        void literalSegmentsWinOverParametersAmongTheTemplatesWithTheMethod() {
            assertThat(gateway.templateOf("GET", "/v1/customers/me")).contains("/v1/customers/me");
            assertThat(gateway.templateOf("GET", "/v1/customers/cus_1")).contains("/v1/customers/{customerId}");
            assertThat(gateway.templateOf("GET", "/v1/products/search?q=kettle")).contains("/v1/products/search");
            assertThat(gateway.templateOf("GET", "/v1/products/KETTLE")).contains("/v1/products/{sku}");
            // /customers/me has no DELETE, /customers/{customerId} has: that is what served it.
            assertThat(gateway.templateOf("DELETE", "/v1/customers/me")).contains("/v1/customers/{customerId}");
            assertThat(gateway.templateOf("PATCH", "/v1/customers/me")).isEmpty();
        }

        @Test
        void pathItemReferencesMixedSegmentsAndPathLevelServersAreHonoured() {
            assertThat(gateway.templateOf("POST", "/v1/customers/cus_1/cards")).contains("/v1/customers/{customerId}/cards");
            assertThat(gateway.templateOf("GET", "/v1/orders/ord_1/receipt.pdf")).contains("/v1/orders/{orderId}/receipt.{format}");
            assertThat(gateway.templateOf("GET", "/v1/orders/ord_1/receipt.")).isEmpty();
            assertThat(gateway.templateOf("GET", "/v1/orders/ord_1/receipt")).isEmpty();
            assertThat(gateway.templateOf("GET", "/status")).contains("/status");
            assertThat(gateway.templateOf("GET", "/v1/status")).isEmpty();
        }

        @Test
        void routesAreTheOperationsOfThePathsNotTheWebhooksAndAppearOnceAcrossServers() {
            assertThat(gateway.routes()).containsExactly(
                    new Route("GET", "/v1/customers/me"),
                    new Route("GET", "/v1/customers/{customerId}"),
                    new Route("DELETE", "/v1/customers/{customerId}"),
                    new Route("GET", "/v1/customers/{customerId}/cards"),
                    new Route("POST", "/v1/customers/{customerId}/cards"),
                    new Route("GET", "/v1/customers/{customerId}/cards/{cardId}"),
                    new Route("DELETE", "/v1/customers/{customerId}/cards/{cardId}"),
                    new Route("GET", "/v1/products/search"),
                    new Route("GET", "/v1/products/{sku}"),
                    new Route("GET", "/v1/orders/{orderId}/receipt.{format}"),
                    new Route("GET", "/status"));
            assertThat(gateway.warnings()).isEmpty();
        }
    }

    @Nested
    class Matching {
        @Test
        void aDeadEndUnderALiteralFallsBackToTheParameter() throws IOException {
            OpenApiRoutes routes = OpenApiRoutes.read(doc("users.yaml", """
                    paths:
                      /users/me: {%s}
                      /users/{id}/cards: {%s}
                      /users/{id}/cards/primary: {%s}
                      /users/{id}/cards/{cardId}: {%s}
                    """.formatted(op("get"), op("get"), op("get"), op("get"))));

            assertThat(routes.templateOf("GET", "/users/me")).contains("/users/me");
            assertThat(routes.templateOf("GET", "/users/me/cards")).contains("/users/{id}/cards");
            assertThat(routes.templateOf("GET", "/users/me/cards/primary")).contains("/users/{id}/cards/primary");
            assertThat(routes.templateOf("GET", "/users/7/cards/c_1")).contains("/users/{id}/cards/{cardId}");
            assertThat(routes.templateOf("GET", "/users")).isEmpty();
        }

        @Test
        void aLiteralSegmentWinsOverAMixedOneWhichWinsOverAParameter() throws IOException {
            OpenApiRoutes routes = OpenApiRoutes.read(doc("files.yaml", """
                    paths:
                      /files/{name}: {%s}
                      /files/{name}.{ext}: {%s}
                      /files/{name}.json: {%s}
                      /files/latest.json: {%s}
                      /files/v{major}-{minor}.tar.gz: {%s}
                    """.formatted(op("get"), op("get"), op("get"), op("get"), op("get"))));

            assertThat(routes.templateOf("GET", "/files/latest.json")).contains("/files/latest.json");
            assertThat(routes.templateOf("GET", "/files/report.json")).contains("/files/{name}.json");
            assertThat(routes.templateOf("GET", "/files/report.csv")).contains("/files/{name}.{ext}");
            assertThat(routes.templateOf("GET", "/files/v2-13.tar.gz")).contains("/files/v{major}-{minor}.tar.gz");
            assertThat(routes.templateOf("GET", "/files/report")).contains("/files/{name}");
            // A parameter inside a segment takes at least one character too.
            assertThat(routes.templateOf("GET", "/files/.json")).contains("/files/{name}");
            assertThat(routes.templateOf("GET", "/files/v-1.tar.gz")).contains("/files/{name}.{ext}");
        }

        @Test
        void percentEncodedLiteralsMatchTheirDecodedForm() throws IOException {
            OpenApiRoutes routes = OpenApiRoutes.read(doc("encoded.yaml",
                    "paths:\n  /caf%C3%A9/menu: {" + op("get") + "}\n  /prices/€: {" + op("get") + "}\n"));

            assertThat(routes.templateOf("GET", "/café/menu")).contains("/caf%C3%A9/menu");
            assertThat(routes.templateOf("GET", "/caf%C3%A9/menu")).contains("/caf%C3%A9/menu");
            assertThat(routes.templateOf("GET", "/prices/%E2%82%AC")).contains("/prices/€");
        }

        @Test
        void theRootPathAndBasePaths() throws IOException {
            OpenApiRoutes routes = OpenApiRoutes.read(doc("root.yaml", """
                    servers:
                      - url: /api/
                    paths:
                      /: {%s}
                      /items: {%s}
                    """.formatted(op("get"), op("get"))));

            assertThat(routes.routes()).containsExactly(new Route("GET", "/api"), new Route("GET", "/api/items"));
            assertThat(routes.templateOf("GET", "/api")).contains("/api");
            assertThat(routes.templateOf("GET", "/api/")).contains("/api");
            assertThat(routes.templateOf("GET", "/api/items/")).contains("/api/items");
            assertThat(routes.templateOf("GET", "/items")).isEmpty();
        }

        @Test
        void serverVariablesExpandToTheirEnumAndOperationServersOverrideTheDocuments() throws IOException {
            OpenApiRoutes routes = OpenApiRoutes.read(doc("servers.yaml", """
                    servers:
                      - url: https://{region}.example.com/{version}
                        variables:
                          region: {default: eu}
                          version: {default: v2, enum: [v1, v2]}
                      - url: https://legacy.example.com/api/{version}
                        variables:
                          version: {default: v0}
                    paths:
                      /things:
                        get: {responses: {"200": {description: ok}}}
                        post:
                          servers: [{url: "https://upload.example.com/u"}]
                          responses: {"200": {description: ok}}
                    """));

            assertThat(routes.routes()).containsExactly(
                    new Route("GET", "/v1/things"),
                    new Route("GET", "/v2/things"),
                    new Route("GET", "/api/v0/things"),
                    new Route("POST", "/u/things"));
            assertThat(routes.templateOf("GET", "/v1/things")).contains("/v1/things");
            assertThat(routes.templateOf("POST", "/v1/things")).isEmpty();
        }

        @Test
        void templatesOnlyDifferingInParameterNamesAreAmbiguousAndTheFirstNamesThem() throws IOException {
            OpenApiRoutes routes = OpenApiRoutes.read(doc("pets.yaml", """
                    paths:
                      /pets/{petId}: {%s}
                      /pets/{name}: {%s}
                    """.formatted(op("get"), op("get") + ", " + op("delete"))));

            assertThat(routes.templateOf("GET", "/pets/rex")).contains("/pets/{petId}");
            assertThat(routes.templateOf("DELETE", "/pets/rex")).contains("/pets/{name}");
            assertThat(routes.routes()).containsExactly(new Route("GET", "/pets/{petId}"), new Route("DELETE", "/pets/{name}"));
            assertThat(routes.warnings()).contains("GET /pets/{name} matches the same requests as GET /pets/{petId}; using /pets/{petId}")
                    .doesNotHaveDuplicates();
        }

        @Test
        void aDocumentSplitOverFilesIsResolvedRelativeToIt() throws IOException {
            write("cards.yaml", """
                    CardList:
                      get: {responses: {"200": {description: ok}}}
                      post: {responses: {"201": {description: ok}}}
                    """);
            OpenApiRoutes routes = OpenApiRoutes.read(doc("split.yaml", """
                    paths:
                      /cards: {$ref: "cards.yaml#/CardList"}
                    """));

            assertThat(routes.routes()).containsExactly(new Route("GET", "/cards"), new Route("POST", "/cards"));
        }

        @Test
        void findingsThatDoNotAffectRoutesAreWarnings() throws IOException {
            OpenApiRoutes routes = OpenApiRoutes.read(doc("sloppy.yaml", """
                    paths:
                      /a/{id}:
                        get: {}
                      /b: {}
                    """));

            assertThat(routes.routes()).containsExactly(new Route("GET", "/a/{id}"));
            assertThat(routes.warnings()).anySatisfy(w -> assertThat(w).contains("responses"))
                    .anySatisfy(w -> assertThat(w).contains("paths.'/b' has no operations"));
        }
    }

    @Nested
    class BrokenDocuments {
        private AbstractThrowableAssert<?, ? extends Throwable> readingFails(Path file) {
            return assertThatThrownBy(() -> OpenApiRoutes.read(file))
                    .isInstanceOf(Prod2TestException.class)
                    .satisfies(e -> assertThat(((Prod2TestException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessageStartingWith(file.toString());
        }

        @Test
        void badYamlNamesTheLine() throws IOException {
            Path file = write("bad.yaml", """
                    openapi: 3.0.3
                    info:
                      title: x
                       version: 1
                    paths: {}
                    """);
            readingFails(file).hasMessageStartingWith(file + ":4: not valid YAML: mapping values are not allowed here");
        }

        @Test
        void badJsonNamesTheLine() throws IOException {
            Path file = write("bad.json", "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {\n}\n");
            readingFails(file).hasMessageContaining(":5: not valid JSON: Unexpected end-of-input")
                    .hasMessageContaining("(start marker at line 1, column 1)").hasMessageNotContaining("Source");
        }

        @Test
        void aYamlErrorKeepsItsContextAndProblemOnOneLine() throws IOException {
            Path file = write("flow.yaml", """
                    openapi: 3.0.3
                    info: {title: x, version: "1"}
                    paths:
                      /a: {get: {responses: {}}}}
                    """);
            readingFails(file).hasMessageStartingWith(file + ":4: not valid YAML: while parsing a block mapping: expected <block end>, but found '}'")
                    .hasMessageNotContaining("\n");
        }

        @Test
        void aDocumentThatIsNotOpenApi() throws IOException {
            readingFails(write("config.yaml", "name: something\nitems: [1, 2]\n"))
                    .hasMessageContaining("field 'openapi'").hasMessageContaining("not an OpenAPI document");
            readingFails(write("list.yaml", "- openapi: 3.0.3\n"))
                    .hasMessageContaining("not an OpenAPI document: expected a mapping with an 'openapi' field, found array");
            readingFails(write("swagger.yaml", "swagger: \"2.0\"\ninfo: {title: x, version: \"1\"}\npaths: {}\n"))
                    .hasMessageContaining("a Swagger 2.0 document; only OpenAPI 3.0 and 3.1 are supported");
            readingFails(write("future.yaml", "openapi: 4.0.0\ninfo: {title: x, version: \"1\"}\npaths: {}\n"))
                    .hasMessageContaining("OpenAPI version 4.0.0 is not supported");
        }

        @Test
        void missingOrEmptyPaths() throws IOException {
            readingFails(doc("nopaths.yaml", "")).hasMessageContaining("field 'paths'").hasMessageContaining("no paths");
            readingFails(doc("emptypaths.yaml", "paths: {}\n")).hasMessageContaining("no paths");
            readingFails(doc("nooperations.yaml", "paths:\n  /a: {}\n  /b: {summary: nothing here}\n"))
                    .hasMessageContaining("field 'paths'").hasMessageContaining("defines no operations");
        }

        @Test
        void malformedPathTemplatesNameThePath() throws IOException {
            readingFails(doc("brace.yaml", "paths:\n  /a/{b: {%s}\n".formatted(op("get"))))
                    .hasMessageContaining("field 'paths.'/a/{b''").hasMessageContaining("unbalanced '{'");
            readingFails(doc("close.yaml", "paths:\n  /a/b}: {%s}\n".formatted(op("get"))))
                    .hasMessageContaining("unbalanced '}'");
            readingFails(doc("nameless.yaml", "paths:\n  /a/{}: {%s}\n".formatted(op("get"))))
                    .hasMessageContaining("a parameter without a name");
            readingFails(doc("relative.yaml", "paths:\n  a/b: {%s}\n".formatted(op("get"))))
                    .hasMessageContaining("field 'paths.'a/b''").hasMessageContaining("must start with '/'");
        }

        @Test
        void unresolvablePathItemReferences() throws IOException {
            readingFails(doc("missingfile.yaml", "paths:\n  /a: {$ref: 'nowhere.yaml#/A'}\n"))
                    .hasMessageContaining("field 'paths.'/a''").hasMessageContaining("cannot be resolved (Unable to load RELATIVE ref: ./nowhere.yaml");
            readingFails(write("missingcomponent.yaml", """
                    openapi: 3.1.0
                    info: {title: x, version: "1"}
                    paths:
                      /a: {$ref: '#/components/pathItems/Nope'}
                    """)).hasMessageContaining("$ref '#/components/pathItems/Nope' cannot be resolved");
            readingFails(write("cycle.yaml", """
                    openapi: 3.1.0
                    info: {title: x, version: "1"}
                    paths:
                      /a: {$ref: '#/components/pathItems/A'}
                    components:
                      pathItems:
                        A: {$ref: '#/components/pathItems/B'}
                        B: {$ref: '#/components/pathItems/A'}
                    """)).hasMessageContaining("cannot be resolved");
        }

        @Test
        void emptyMissingAndNonUtf8Files() throws IOException {
            readingFails(write("empty.yaml", " \n")).hasMessageContaining("the file is empty");
            readingFails(write("comment.yaml", "# nothing yet\n")).hasMessageContaining("the file is empty");
            readingFails(dir.resolve("absent.yaml")).hasMessageContaining("does not exist");
            readingFails(dir).hasMessageContaining("cannot be read");
            Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'o', 'p', 'e', 'n', 'a', 'p', 'i', ':', ' ', (byte) 0xE9});
            readingFails(latin1).hasMessageContaining("not UTF-8");
        }
    }

    @Test
    void aByteOrderMarkIsIgnored() throws IOException {
        Path file = write("bom.yaml", "\uFEFFopenapi: 3.0.3\ninfo: {title: x, version: \"1\"}\npaths:\n  /a: {%s}\n".formatted(op("get")));

        assertThat(OpenApiRoutes.read(file).routes()).containsExactly(new Route("GET", "/a"));
    }

    @Test
    void percentDecodingIsForPathsAndKeepsWhatItCannotDecode() {
        assertThat(OpenApiRoutes.percentDecode("a+b%20c")).isEqualTo("a+b c");
        assertThat(OpenApiRoutes.percentDecode("%E2%82%AC")).isEqualTo("€");
        assertThat(OpenApiRoutes.percentDecode("100%")).isEqualTo("100%");
        assertThat(OpenApiRoutes.percentDecode("%4")).isEqualTo("%4");
        assertThat(OpenApiRoutes.percentDecode("%zz")).isEqualTo("%zz");
        assertThat(OpenApiRoutes.percentDecode("%FF")).isEqualTo("%FF");
    }

    @Test
    void theBasePathOfAServerUrl() {
        assertThat(List.of("https://api.example.com/v1", "https://api.example.com/v1/", "//cdn.example.com/v1", "/v1", "v1", "./v1", "/v1?x#y"))
                .allSatisfy(url -> assertThat(OpenApiRoutes.pathOf(url)).as(url).isEqualTo("/v1"));
        assertThat(List.of("https://api.example.com", "https://api.example.com/", "/", ".", "", "http://localhost:8080"))
                .allSatisfy(url -> assertThat(OpenApiRoutes.pathOf(url)).as(url).isEmpty());
    }
}
