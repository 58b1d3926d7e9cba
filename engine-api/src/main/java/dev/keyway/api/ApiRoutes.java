package dev.keyway.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * REST endpoints a plugin contributes. The host serves them under {@code /api}, authenticates
 * the caller first (unless a route says otherwise), and renders errors as JSON.
 */
public interface ApiRoutes extends ExtensionPoint {

    List<ApiRoute> routes();
}
