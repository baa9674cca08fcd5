// @medplum/core reads a global WebSocket at import time; Node 20 has one only behind
// --experimental-websocket. The sandbox never opens a socket, so an inert class is enough.
// This module must be imported before any @medplum module.
const g = globalThis as { WebSocket?: unknown };
g.WebSocket ??= class WebSocketUnavailable {
  constructor() {
    throw new Error('WebSocket is not available in the sandbox');
  }
};
export {};
