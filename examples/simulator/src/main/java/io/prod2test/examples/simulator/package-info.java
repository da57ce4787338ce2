/**
 * The traffic simulator: the sample world's "production traffic".
 *
 * <p>In: a {@link io.prod2test.examples.simulator.SimulationConfig} (seed, number of sessions,
 * concurrency, the shop's base URL) and a {@link io.prod2test.examples.simulator.UsageModel} (how
 * often each {@link io.prod2test.examples.simulator.Journey} happens). Out: real HTTP traffic
 * against the shop, which the shop and payments write to their exchange logs, and a
 * {@link io.prod2test.examples.simulator.SimulationReport} counting sessions, requests, journeys,
 * statuses and unexpected outcomes.
 *
 * <p>Each session is a synthetic {@link io.prod2test.examples.simulator.Persona} (Japanese with
 * kana readings, or English) following a planned journey: browsing, buying in JPY or USD,
 * 3-D Secure, partial shipments and refunds, and the rare edge cases (declines, idempotent
 * retries, concurrent captures, invalid input). {@link io.prod2test.examples.simulator.Simulator#plan()}
 * returns the plans without sending anything: they depend only on the seed and the session index.
 */
package io.prod2test.examples.simulator;
