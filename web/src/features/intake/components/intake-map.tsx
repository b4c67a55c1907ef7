import { Button, Space, Typography } from 'antd';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRegion, fetchRegionChildren } from '../../../api/regions-api.js';
import type { Region } from '../../../api/contract-types.js';

type Point = { lat: number; lng: number };

interface IntakeMapProps {
  id?: string;
  regionCode: string | null | undefined;
  value?: Point | null;
  onChange?: (point: Point | null) => void;
}

// Nanjing, where the demo county lies; the view moves to a region's grid polygons when they exist.
const DEFAULT_CENTRE: L.LatLngTuple = [31.99, 118.78];

const hasGeometry = (r: Region) => r.geometry !== undefined && r.geometry !== null;

/**
 * The chosen region's grid polygon(s) on a plain background (no tile server), and a click to mark
 * where it happened. A village shows its grids; a grid or micro-grid its own boundary.
 */
export function IntakeMap({ id, regionCode, value, onChange }: IntakeMapProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const shapes = useRef<L.LayerGroup | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const [drawn, setDrawn] = useState(0);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { center: DEFAULT_CENTRE, zoom: 13, attributionControl: false });
    m.getContainer().setAttribute('role', 'application');
    shapes.current = L.layerGroup().addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) =>
      change.current?.({ lat: Number(e.latlng.lat.toFixed(6)), lng: Number(e.latlng.lng.toFixed(6)) }),
    );
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  // After the map is made (the effect above runs first) and whenever the language changes.
  useEffect(() => {
    map.current?.getContainer().setAttribute('aria-label', t('intake.map'));
  }, [t]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    marker.current?.remove();
    marker.current = value
      ? L.circleMarker([value.lat, value.lng], { radius: 8, color: '#a8071a', weight: 3 }).addTo(m)
      : null;
  }, [value]);

  useEffect(() => {
    shapes.current?.clearLayers();
    setDrawn(0);
    if (!regionCode) return;
    const controller = new AbortController();
    Promise.all([
      fetchRegion(regionCode, controller.signal),
      fetchRegionChildren(regionCode, 1, 200, controller.signal).catch(() => null),
    ]).then(
      ([region, children]) => {
        const withShape = [region, ...(children?.items ?? [])].filter(hasGeometry);
        const group = shapes.current;
        if (!group || !map.current) return;
        for (const r of withShape) {
          L.geoJSON(r.geometry as GeoJSON.GeoJsonObject, { style: { color: '#0958d9', weight: 2, fillOpacity: 0.08 } })
            .bindTooltip(r.name)
            .addTo(group);
        }
        setDrawn(withShape.length);
        const bounds = L.featureGroup(group.getLayers()).getBounds();
        if (bounds.isValid()) map.current.fitBounds(bounds, { padding: [12, 12] });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [regionCode]);

  return (
    <div id={id}>
      <div
        ref={box}
        data-testid="intake-map"
        style={{ height: 240, background: '#f5f7fa', border: '1px solid #d9d9d9', borderRadius: 6 }}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Typography.Text style={{ color: 'rgba(0,0,0,0.75)' }}>
          {value
            ? t('intake.point', { latitude: value.lat, longitude: value.lng })
            : regionCode && drawn === 0
              ? t('intake.mapNoGeometry')
              : t('intake.mapHint')}
        </Typography.Text>
        {value && (
          <Button size="small" onClick={() => onChange?.(null)}>
            {t('intake.clearPoint')}
          </Button>
        )}
      </Space>
    </div>
  );
}
