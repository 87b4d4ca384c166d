package io.gmalloc.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The report's bar charts, drawn with JFreeChart into PNG files. */
final class Charts {
    private Charts() {}

    /** gmalloc first and in a strong colour; anchors in muted ones, in the order series are added. */
    private static final List<Color> PALETTE = List.of(
            new Color(0xD6, 0x27, 0x28),
            new Color(0x1F, 0x77, 0xB4),
            new Color(0x2C, 0xA0, 0x2C),
            new Color(0xFF, 0x7F, 0x0E),
            new Color(0x94, 0x67, 0xBD),
            new Color(0x8C, 0x56, 0x4B),
            new Color(0x7F, 0x7F, 0x7F),
            new Color(0x17, 0xBE, 0xCF),
            new Color(0xBC, 0xBD, 0x22));

    /** One hue per allocator so Java and native bars of the same allocator match; native ones lighter. */
    static Color colour(String series, int index) {
        String l = series.toLowerCase(java.util.Locale.ROOT);
        Color base = l.contains("zalloc")
                ? PALETTE.get(7)
                : l.contains("calloc")
                        ? PALETTE.get(8)
                        : l.contains("gmalloc")
                                ? PALETTE.get(0)
                                : l.contains("mimalloc")
                                        ? PALETTE.get(1)
                                        : l.contains("jemalloc")
                                                ? PALETTE.get(2)
                                                : l.contains("plain")
                                                        ? PALETTE.get(4)
                                                        : l.contains("glibc")
                                                                ? PALETTE.get(3)
                                                                : l.contains("arena")
                                                                        ? PALETTE.get(5)
                                                                        : l.contains("heap")
                                                                                ? PALETTE.get(6)
                                                                                : PALETTE.get(index % PALETTE.size());
        if (l.contains("(c)")) {
            return new Color(
                    (base.getRed() + 255 * 2) / 3, (base.getGreen() + 255 * 2) / 3, (base.getBlue() + 255 * 2) / 3);
        }
        return base;
    }

    static void bars(
            Path file,
            String title,
            String categoryLabel,
            String valueLabel,
            DefaultCategoryDataset data,
            int width,
            int height)
            throws IOException {
        JFreeChart chart = ChartFactory.createBarChart(
                title, categoryLabel, valueLabel, data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        axis.setCategoryMargin(0.15);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, colour(data.getRowKey(i).toString(), i));
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }
}
