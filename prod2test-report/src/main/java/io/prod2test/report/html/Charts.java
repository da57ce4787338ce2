package io.prod2test.report.html;

import static io.prod2test.report.html.Html.count;
import static io.prod2test.report.html.Html.esc;
import static io.prod2test.report.html.Html.num;

import io.prod2test.report.traffic.TrafficStats.Bucket;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts: drawn here so the report needs no chart library and works offline. */
final class Charts {
    static final String[] STATUS_COLOURS = {"#3f9b5f", "#5b8bd6", "#e3a33b", "#d2483a"};
    static final String[] STATUS_NAMES = {"1xx/2xx", "3xx", "4xx", "5xx"};

    private Charts() {
    }

    /** Stacked columns of calls per time bucket, coloured by status class. */
    static String timeline(List<Bucket> buckets, String unit) {
        if (buckets.isEmpty()) {
            return "<p class=\"muted\">No traffic.</p>";
        }
        double w = 1200;
        double h = 260;
        double left = 60;
        double bottom = 40;
        double top = 12;
        long max = buckets.stream().mapToLong(Bucket::total).max().orElse(1);
        double step = (w - left - 10) / buckets.size();
        double bar = Math.max(1, step * 0.8);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(num(w)).append(' ').append(num(h))
                .append("\" role=\"img\" aria-label=\"calls per ").append(esc(unit)).append("\">");
        axis(svg, left, top, w - 10, h - bottom, max);
        int labelEvery = (int) Math.ceil(buckets.size() / 12.0);
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            double x = left + i * step + (step - bar) / 2;
            double y = h - bottom;
            long[] counts = b.counts();
            svg.append("<g class=\"bar\"><title>").append(esc(b.label())).append(": ").append(count(b.total())).append(" calls (");
            for (int k = 0; k < 4; k++) {
                svg.append(k == 0 ? "" : ", ").append(STATUS_NAMES[k]).append(' ').append(count(counts[k]));
            }
            svg.append(")</title>");
            for (int k = 0; k < 4; k++) {
                double bh = (h - bottom - top) * counts[k] / (double) max;
                if (bh > 0) {
                    y -= bh;
                    svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(bar))
                            .append("\" height=\"").append(num(bh)).append("\" fill=\"").append(STATUS_COLOURS[k]).append("\"/>");
                }
            }
            svg.append("</g>");
            if (i % labelEvery == 0) {
                String label = b.label();
                // the first and last labels lean inwards so that neither the axis nor the edge cuts them
                String anchor = i == 0 ? "start" : x + bar / 2 > w - 50 ? "end" : "middle";
                svg.append("<text class=\"tick\" x=\"").append(num(i == 0 ? x : anchor.equals("end") ? x + bar : x + bar / 2)).append("\" y=\"")
                        .append(num(h - bottom + 16)).append("\" text-anchor=\"").append(anchor).append("\">").append(esc(label)).append("</text>");
            }
        }
        svg.append("</svg>");
        return svg + legend();
    }

    private static void axis(StringBuilder svg, double left, double top, double right, double base, long max) {
        for (int g = 0; g <= 4; g++) {
            double y = base - (base - top) * g / 4.0;
            svg.append("<line class=\"grid\" x1=\"").append(num(left)).append("\" x2=\"").append(num(right)).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(num(left - 6)).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(count(Math.round(max * g / 4.0))).append("</text>");
        }
    }

    static String legend() {
        StringBuilder html = new StringBuilder("<div class=\"legend\">");
        for (int k = 0; k < 4; k++) {
            html.append("<span><i style=\"background:").append(STATUS_COLOURS[k]).append("\"></i>").append(STATUS_NAMES[k]).append("</span>");
        }
        return html.append("</div>").toString();
    }

    /** One horizontal stacked bar per label (a service), coloured by status class, with its total. */
    static String stackedRows(List<Bucket> rows) {
        if (rows.isEmpty()) {
            return "<p class=\"muted\">No traffic.</p>";
        }
        long max = rows.stream().mapToLong(Bucket::total).max().orElse(1);
        double labelWidth = Math.min(260, 20 + rows.stream().mapToInt(r -> r.label().length()).max().orElse(4) * 7.5);
        double w = 1200;
        double row = 30;
        double barArea = w - labelWidth - 110;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(num(w)).append(' ').append(num(rows.size() * row + 10))
                .append("\" role=\"img\" aria-label=\"calls by service and status\">");
        for (int i = 0; i < rows.size(); i++) {
            Bucket r = rows.get(i);
            double y = 5 + i * row;
            svg.append("<text x=\"").append(num(labelWidth - 8)).append("\" y=\"").append(num(y + 18))
                    .append("\" text-anchor=\"end\" class=\"lbl\">").append(esc(Html.shorten(r.label(), 32))).append("</text>");
            double x = labelWidth;
            long[] counts = r.counts();
            for (int k = 0; k < 4; k++) {
                double bw = barArea * counts[k] / (double) max;
                if (bw > 0) {
                    svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y + 4)).append("\" width=\"").append(num(bw))
                            .append("\" height=\"20\" fill=\"").append(STATUS_COLOURS[k]).append("\"><title>").append(esc(r.label()))
                            .append(' ').append(STATUS_NAMES[k]).append(": ").append(count(counts[k])).append("</title></rect>");
                    x += bw;
                }
            }
            svg.append("<text x=\"").append(num(x + 8)).append("\" y=\"").append(num(y + 18)).append("\" class=\"lbl\">")
                    .append(count(r.total())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars of counts by label, largest first as given. */
    static String bars(List<Map.Entry<String, Long>> rows, String colour) {
        if (rows.isEmpty()) {
            return "";
        }
        long max = rows.stream().mapToLong(Map.Entry::getValue).max().orElse(1);
        double w = 1200;
        double row = 26;
        double labelWidth = Math.min(360, 20 + rows.stream().mapToInt(r -> r.getKey().length()).max().orElse(4) * 7.5);
        double barArea = w - labelWidth - 110;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(num(w)).append(' ').append(num(rows.size() * row + 10)).append("\" role=\"img\">");
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            double y = 5 + i * row;
            double bw = Math.max(1, barArea * r.getValue() / (double) max);
            svg.append("<text x=\"").append(num(labelWidth - 8)).append("\" y=\"").append(num(y + 16))
                    .append("\" text-anchor=\"end\" class=\"lbl\">").append(esc(Html.shorten(r.getKey(), 48))).append("</text>")
                    .append("<rect x=\"").append(num(labelWidth)).append("\" y=\"").append(num(y + 3)).append("\" width=\"").append(num(bw))
                    .append("\" height=\"18\" fill=\"").append(colour).append("\"><title>").append(esc(r.getKey())).append(": ")
                    .append(count(r.getValue())).append("</title></rect>")
                    .append("<text x=\"").append(num(labelWidth + bw + 8)).append("\" y=\"").append(num(y + 16)).append("\" class=\"lbl\">")
                    .append(count(r.getValue())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A ring of passed, failed and errored runs with the pass rate in the middle. */
    static String donut(long passed, long failed, long errors) {
        long total = Math.max(1, passed + failed + errors);
        double r = 52;
        double c = 2 * Math.PI * r;
        StringBuilder svg = new StringBuilder("<svg class=\"donut\" viewBox=\"0 0 140 140\" role=\"img\" aria-label=\"last run\">");
        double offset = 0;
        long[] parts = {passed, failed, errors};
        String[] colours = {STATUS_COLOURS[0], STATUS_COLOURS[3], STATUS_COLOURS[2]};
        for (int i = 0; i < 3; i++) {
            double len = c * parts[i] / total;
            if (len > 0) {
                svg.append("<circle cx=\"70\" cy=\"70\" r=\"").append(num(r)).append("\" fill=\"none\" stroke=\"").append(colours[i])
                        .append("\" stroke-width=\"18\" stroke-dasharray=\"").append(num(len)).append(' ').append(num(c - len))
                        .append("\" stroke-dashoffset=\"").append(num(-offset)).append("\" transform=\"rotate(-90 70 70)\"/>");
                offset += len;
            }
        }
        svg.append("<text x=\"70\" y=\"76\" text-anchor=\"middle\" class=\"big\">")
                .append(String.format(Locale.ROOT, "%.0f%%", 100.0 * passed / total)).append("</text></svg>");
        return svg.toString();
    }

    /** A small inline bar for a share in a table cell. */
    static String shareBar(double share) {
        double width = Math.max(1, Math.min(100, share * 100));
        return "<span class=\"share\"><i style=\"width:" + num(width) + "%\"></i></span>";
    }
}
