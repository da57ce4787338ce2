package io.prod2test.report.charter;

import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.Flow;
import io.prod2test.report.traffic.Sample;
import java.util.List;

/** Where a charter takes its concrete values from: masked example exchanges of the analysis. */
public interface Examples {
    /** The user-facing exchanges of one example session of the flow, in time order; empty when none was kept. */
    List<Sample> ofFlow(Flow flow);

    /** The example exchanges of the edge case (the odd calls themselves); empty when none was kept. */
    List<Sample> ofEdgeCase(EdgeCase edgeCase);
}
