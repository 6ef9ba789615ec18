/*
 * Dialer server.
 */
package io.dialer.server.floor;

import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.Json;
import io.dialer.server.Role;

/**
 * The whole floor live, for dashboards: {@code /api/live} pushes the state about every second as server-sent events
 * ({@code event: state}: campaigns' numbers, closers), and {@code GET /api/live/state} is the state last pushed.
 */
final class LiveRoutes implements ApiRoutes
{
    private final Floor floor;

    LiveRoutes(final Floor floor)
    {
        this.floor = floor;
    }

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        router.sse("/api/live", (client) -> floor.live().dashboard(client), Role.ADMIN, Role.MANAGER);
        router.get("/api/live/state", (ctx) -> Json.write(ctx, 200, floor.live().last()), Role.ADMIN,
            Role.MANAGER);
    }
}
