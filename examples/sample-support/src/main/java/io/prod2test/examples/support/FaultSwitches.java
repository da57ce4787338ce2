package io.prod2test.examples.support;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults switched on in a running service. Thread-safe and changeable at run time, so the demo
 * can replay the same scenarios against the same running service with one fault after another.
 */
public final class FaultSwitches {
    private final Set<Fault> active = ConcurrentHashMap.newKeySet();

    /** All faults off: the healthy system. */
    public static FaultSwitches none() {
        return new FaultSwitches();
    }

    public static FaultSwitches of(Fault... faults) {
        FaultSwitches switches = new FaultSwitches();
        for (Fault fault : faults) {
            switches.active.add(fault);
        }
        return switches;
    }

    public boolean isOn(Fault fault) {
        return active.contains(fault);
    }

    public void switchOn(Fault fault) {
        active.add(fault);
    }

    public void switchOff(Fault fault) {
        active.remove(fault);
    }

    /** Replaces the active set: exactly these faults on, every other off. */
    public void set(Collection<Fault> faults) {
        active.clear();
        active.addAll(faults);
    }

    public Set<Fault> active() {
        return active.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(active);
    }
}
