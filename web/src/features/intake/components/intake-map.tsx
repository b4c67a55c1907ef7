import { useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { regionChildrenQuery, regionQuery } from '../../../api/regions-api.js';
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
  // The region and its children (a village's grids); a failed children load still draws the region itself.
  const region = useQuery({ ...regionQuery(regionCode ?? ''), enabled: Boolean(regionCode) });
  const children = useQuery({ ...regionChildrenQuery(regionCode ?? '', 1, 200), enabled: Boolean(regionCode) });
  // Query data keeps its identity until it changes, so this list does too.
  const withShape = useMemo(
    () =>
      regionCode
        ? [region.data, ...(children.data?.items ?? [])].filter((r): r is Region => r !== undefined && hasGeometry(r))
        : [],
    [regionCode, region.data, children.data],
  );
  const drawn = withShape.length;
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

  // Redrawn when the region changes or either answer arrives.
  useEffect(() => {
    const group = shapes.current;
    group?.clearLayers();
    if (!group || !map.current || withShape.length === 0) return;
    for (const r of withShape) {
      L.geoJSON(r.geometry as GeoJSON.GeoJsonObject, { style: { color: '#0958d9', weight: 2, fillOpacity: 0.08 } })
        .bindTooltip(r.name)
        .addTo(group);
    }
    const bounds = L.featureGroup(group.getLayers()).getBounds();
    if (bounds.isValid()) map.current.fitBounds(bounds, { padding: [12, 12] });
  }, [withShape]);

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
