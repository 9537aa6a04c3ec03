package org.backrelief.gateway.contract;

import java.net.URI;
import java.util.List;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A RestAssured filter that checks every response a test receives against the committed contract
 * ({@code src/main/openapi/v1.json}) with {@link ContractValidator}; a mismatch fails the test that made the call.
 */
public final class ContractFilter implements Filter {

    private static volatile ContractValidator validator;
    private static volatile boolean installed;

    /** Adds the filter to every RestAssured request of this JVM (once). */
    public static synchronized void install() {
        if (!installed) {
            RestAssured.filters(new ContractFilter());
            installed = true;
        }
    }

    static ContractValidator validator() {
        ContractValidator v = validator;
        if (v == null) {
            synchronized (ContractFilter.class) {
                if (validator == null) {
                    validator = new ContractValidator(Contract.committed());
                }
                v = validator;
            }
        }
        return v;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        int port = URI.create(request.getURI()).getPort();
        if (port != RestAssured.port) {
            return response; // a call straight to a service (e.g. its own /q/openapi), not through the gateway
        }
        String body = response.asString();
        List<String> errors = validator().check(new ContractValidator.Exchange(request.getMethod(), path,
                response.getStatusCode(), response.getContentType(), response::getHeader, body));
        if (!errors.isEmpty()) {
            throw new AssertionError("The answer does not match the contract (src/main/openapi/v1.json):\n  "
                    + String.join("\n  ", errors) + "\nbody: " + abbreviate(body));
        }
        return response;
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }
}
