package io.prod2test.examples.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where a session comes from: a current browser's User-Agent and a client IP address. Datafaker's
 * user agents are a decade old (Netscape, IE 6), so the simulator keeps its own small table in
 * today's mix, phones first. Client addresses come from the ranges reserved for documentation
 * (RFC 5737 for IPv4, RFC 3849 for IPv6) so that no generated address is anybody's.
 */
final class Browsers {
    private record Agent(String template, int weight) {
    }

    // {v} is replaced by a recent major version so that not every Chrome is the same build
    private static final List<Agent> AGENTS = List.of(
            new Agent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_{m} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{m} Mobile/15E148 Safari/604.1", 30),
            new Agent("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36", 16),
            new Agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36", 20),
            new Agent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36", 7),
            new Agent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{m} Safari/605.1.15", 8),
            new Agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36 Edg/{v}.0.0.0", 7),
            new Agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{f}.0) Gecko/20100101 Firefox/{f}.0", 4),
            new Agent("Mozilla/5.0 (iPad; CPU OS 17_{m} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{m} Mobile/15E148 Safari/604.1", 4),
            new Agent("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", 4));
    private static final int TOTAL = AGENTS.stream().mapToInt(Agent::weight).sum();

    private static final List<String> TEST_NETS = List.of("192.0.2.", "198.51.100.", "203.0.113.");

    private Browsers() {
    }

    static String userAgent(RandomGenerator random) {
        int ticket = random.nextInt(TOTAL);
        Agent chosen = AGENTS.getLast();
        for (Agent agent : AGENTS) {
            ticket -= agent.weight();
            if (ticket < 0) {
                chosen = agent;
                break;
            }
        }
        return chosen.template()
                .replace("{v}", Integer.toString(126 + random.nextInt(6)))
                .replace("{f}", Integer.toString(128 + random.nextInt(4)))
                .replace("{m}", Integer.toString(1 + random.nextInt(6)));
    }

    /** Mostly IPv4, one session in seven over IPv6, as on a Japanese mobile network today. */
    static String clientIp(RandomGenerator random) {
        if (random.nextInt(7) == 0) {
            return String.format("2001:db8:%x:%x::%x", random.nextInt(0x10000), random.nextInt(0x10000), 1 + random.nextInt(0xfffe));
        }
        return TEST_NETS.get(random.nextInt(TEST_NETS.size())) + (1 + random.nextInt(254));
    }
}
