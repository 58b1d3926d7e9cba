package dev.keyway.connections.api;

import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.providers.CredentialField;
import dev.keyway.connections.providers.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue as the API shows it: what a person must enter for each provider. The catalogue
 * holds no credentials; only descriptive parts are copied, never injection templates or OAuth
 * client settings, so the answer stays a form description.
 */
final class ProviderView {

    private ProviderView() {
    }

    static Map<String, Object> of(Provider provider) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", provider.id());
        view.put("displayName", provider.displayName());
        view.put("authKinds", provider.authKinds().stream().map(ConnectionType::id).toList());
        view.put("fields", provider.fields().stream().map(ProviderView::field).toList());
        view.put("baseUrl", provider.baseUrl() == null ? null : provider.baseUrl().source());
        view.put("oauth", provider.oauthIfAny().isPresent());
        view.put("defaultScopes", provider.oauthIfAny().map(o -> o.defaultScopes()).orElse(List.of()));
        view.put("testable", provider.testIfAny().isPresent());
        return view;
    }

    private static Map<String, Object> field(CredentialField field) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", field.name());
        view.put("label", field.label());
        view.put("secret", field.secret());
        view.put("required", field.required());
        view.put("default", field.defaultValue());
        view.put("allowedValues", field.allowedValues());
        return view;
    }
}
