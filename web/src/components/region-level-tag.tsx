import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Dark text on light fills: readable (WCAG AA) where antd's preset tag colours are not.
const LEVEL_COLOURS: Record<number, { color: string; background: string }> = {
  1: { color: '#7a1616', background: '#fff1f0' },
  2: { color: '#7a3b00', background: '#fff7e6' },
  3: { color: '#5c4a00', background: '#fffbe6' },
  4: { color: '#1f5200', background: '#f6ffed' },
  5: { color: '#00474f', background: '#e6fffb' },
  6: { color: '#0b3d91', background: '#e6f4ff' },
  7: { color: '#391085', background: '#f9f0ff' },
};

/** 省 / 市 / 县 / 乡镇 / 村社区 / 网格 / 微网格 as a small coloured label. */
export function RegionLevelTag({ level }: { level: number }) {
  const { t } = useTranslation();
  const colours = LEVEL_COLOURS[level] ?? { color: '#262626', background: '#fafafa' };
  return (
    <Tag bordered={false} style={{ ...colours, marginInlineEnd: 0 }}>
      {t(`levels.${level}`)}
    </Tag>
  );
}
