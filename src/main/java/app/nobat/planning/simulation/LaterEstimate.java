package app.nobat.planning.simulation;

import app.nobat.planning.simulation.Estimator.Shown;
import java.time.Instant;
import java.util.Map;

/** What each estimator showed a visit still waiting at a later instant (its phone or the TV then). */
public record LaterEstimate(String visitId, Instant at, Map<String, Shown> shown) {}
