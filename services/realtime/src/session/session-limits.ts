/** WebSocket close codes this service uses (RFC 6455 section 7.4.1). */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  invalidData: 1007,
  policy: 1008,
  internal: 1011,
  tryAgainLater: 1013,
} as const;

export interface SessionLimits {
  startTimeoutMs: number;
  maxSessionMs: number;
  /** No audio from the browser for this long: the session ends (1000), so a forgotten tab stops counting seconds. */
  idleMs: number;
  pingEveryMs: number;
  /** Audio frames held while the model connects; older ones are dropped past this. */
  maxEarlyFrames: number;
  /** Audio waiting in the socket for a browser that does not read: past this the session closes. */
  maxOutgoingBytes: number;
  maxSessionsPerTenant: number;
  /** Named on the turns it answers (`realtime:<model>`). */
  modelName: string;
}
