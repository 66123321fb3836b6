package io.tributary.emitters.testing;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent;
import java.util.ArrayList;
import java.util.List;

/** What a series of emitted events says about their datasets, as the integration tests read it. */
public final class RunEvents {
  private RunEvents() {}

  /** Records counted for a dataset over all the events (input or output statistics). */
  public static long rows(List<RunEvent> events, String name, boolean inputs) {
    long total = 0;
    for (RunEvent e : events) {
      if (inputs) {
        for (OpenLineage.InputDataset d : e.getInputs()) {
          if (d.getName().equals(name) && d.getInputFacets().getInputStatistics() != null) {
            total += d.getInputFacets().getInputStatistics().getRowCount();
          }
        }
      } else {
        for (OpenLineage.OutputDataset d : e.getOutputs()) {
          if (d.getName().equals(name) && d.getOutputFacets().getOutputStatistics() != null) {
            total += d.getOutputFacets().getOutputStatistics().getRowCount();
          }
        }
      }
    }
    return total;
  }

  /**
   * The datasets of a run over all its events, as {@code "<namespace> <name>"}: a client that
   * closes before the run's last one leaves its last window to the next event, which a RUNNING
   * snapshot may take before the terminal one.
   */
  public static List<String> datasetsOfRun(List<RunEvent> events, boolean inputs) {
    List<String> out = new ArrayList<>();
    for (RunEvent e : events) {
      List<? extends OpenLineage.Dataset> datasets = inputs ? e.getInputs() : e.getOutputs();
      for (OpenLineage.Dataset d : datasets) {
        String key = d.getNamespace() + " " + d.getName();
        if (!out.contains(key)) {
          out.add(key);
        }
      }
    }
    return out;
  }
}
