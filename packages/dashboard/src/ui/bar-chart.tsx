import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

/** A stacked bar chart (Chart.js on a canvas); `summary` is its text alternative for screen readers. */
export function BarChart({ labels, series, summary, rtl }: { labels: string[]; series: BarSeries[]; summary: string; rtl: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: document.documentElement.lang,
        scales: { x: { stacked: true, reverse: rtl }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, position: rtl ? 'right' : 'left' } },
        plugins: { legend: { rtl, position: 'bottom' }, tooltip: { rtl } },
      },
    });
    return () => chart.destroy();
  }, [labels.join(','), JSON.stringify(series), rtl]);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
