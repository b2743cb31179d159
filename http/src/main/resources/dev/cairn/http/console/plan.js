// The plan an action would carry out, as the server chooses it (GET /migrations/plan/...), to show
// before asking for confirmation, each migration with its reason. Nothing runs to answer it; the
// server plans again when the action is confirmed, and the run it returns carries the plan it follows.

import { api } from './api.js';

/**
 * The plan at {@code path} (such as "execute/4", "execute-all", "rollback/2"), each item as the
 * graph's node and its reason, and the server's refusal if it would refuse the action.
 */
export async function planOf(graph, path) {
  const answer = await api.get(`/migrations/plan/${path}`);
  const byVersion = new Map(graph.nodes.map((n) => [n.version, n]));
  return {
    plan: answer.plan.map((item) => ({ migration: byVersion.get(item.version) ?? item, reason: item.reason })),
    refused: answer.refused,
  };
}
