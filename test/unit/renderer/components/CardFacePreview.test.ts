// The preview draws the layout the core prints: every text where the layout puts it, stretched to the
// width the core measured, the photo cropped into its box, a marked box when there is no photo.
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { CardFacePreview as Preview } from '../../../../src-shared/api/methods/production';
import { layoutCardFace, type MeasureText } from '../../../../src-shared/domain/card-face';
import CardFacePreview from '../../../../src-renderer/components/CardFacePreview.vue';

const measure: MeasureText = (text, size) => [...text].length * size * 0.6;
const facts = {
  givenName: 'Łukasz Šarūnas',
  familyName: 'Ŋ',
  employerName: 'Bygg AB',
  organisationNumber: '556036-0793',
  printedNumber: 'SE0000012345',
  validFrom: '2026-11-24',
  validUntil: '2031-11-23',
  kind: 'id06' as const,
  site: 'Kiruna',
  hasPhoto: true,
};

function preview(hasPhoto: boolean): Preview {
  return {
    layout: layoutCardFace({ ...facts, hasPhoto }, measure),
    photo: hasPhoto ? { mime: 'image/png', base64: 'iVBORw0KGgo=' } : null,
  };
}

describe('CardFacePreview', () => {
  it('draws the front as the layout says, names exactly as written', () => {
    const p = preview(true);
    const wrapper = mount(CardFacePreview, { props: { preview: p, side: 'front', label: 'Front: Łukasz' } });
    const svg = wrapper.get('svg');
    expect(svg.attributes('viewBox')).toBe('0 0 242.65 153.01');
    expect(svg.attributes('aria-label')).toBe('Front: Łukasz');
    expect(wrapper.get('[data-role="givenName"]').text()).toBe('Łukasz Šarūnas');
    expect(wrapper.get('[data-role="familyName"]').text()).toBe('Ŋ');
    const name = p.layout.front.find((e) => e.type === 'text' && e.role === 'givenName');
    const drawn = wrapper.get('[data-role="givenName"]');
    expect(name && name.type === 'text' && Number(drawn.attributes('textLength'))).toBeCloseTo(
      name && name.type === 'text' ? name.width : 0,
    );
    const image = wrapper.get('image');
    expect(image.attributes('href')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(image.attributes('preserveAspectRatio')).toBe('xMidYMid slice');
  });

  it('marks the photo box when there is no photo, and draws the back on request', () => {
    const wrapper = mount(CardFacePreview, {
      props: { preview: preview(false), side: 'back', label: 'Back' },
    });
    expect(wrapper.find('image').exists()).toBe(false);
    expect(wrapper.find('[data-testid="card-face-back"]').exists()).toBe(true);
    expect(wrapper.get('[data-role="holderName"]').text()).toBe('Łukasz Šarūnas Ŋ');
    const front = mount(CardFacePreview, {
      props: { preview: preview(false), side: 'front', label: 'Front' },
    });
    expect(front.findAll('rect').some((r) => r.attributes('fill') === 'none')).toBe(true);
  });
});
