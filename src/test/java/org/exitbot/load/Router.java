package org.exitbot.load;

import java.util.List;

/**
 * What a load balancer in front of the nodes does for the clients: each client starts on a node of its own
 * (round robin), and a client whose node stops answering goes on with the next one.
 */
final class Router {

    private final List<AppNode> nodes;

    Router(List<AppNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    AppNode home(int client) {
        return nodes.get(client % nodes.size());
    }

    /** The node after {@code failed}, in order, wrapping round. */
    AppNode after(AppNode failed) {
        return nodes.get(failed.number() % nodes.size());
    }

    List<AppNode> nodes() {
        return nodes;
    }

    List<AppNode> alive() {
        return nodes.stream().filter(node -> !node.killed()).toList();
    }
}
