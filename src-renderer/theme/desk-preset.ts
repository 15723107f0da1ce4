// Aura with the desk's own calm look: a deep teal that reads well in daylight, slate surfaces, and
// form fields and buttons tall enough for a finger (at least 44 px).
import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

export const DeskPreset = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{teal.50}',
      100: '{teal.100}',
      200: '{teal.200}',
      300: '{teal.300}',
      400: '{teal.400}',
      500: '{teal.500}',
      600: '{teal.600}',
      700: '{teal.700}',
      800: '{teal.800}',
      900: '{teal.900}',
      950: '{teal.950}',
    },
    focusRing: { width: '3px', style: 'solid', color: '{primary.400}', offset: '2px' },
    formField: {
      paddingX: '0.875rem',
      paddingY: '0.75rem',
      borderRadius: '8px',
      lg: { fontSize: '1.25rem', paddingX: '1rem', paddingY: '0.875rem' },
    },
    colorScheme: {
      light: {
        primary: {
          color: '{primary.700}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.800}',
          activeColor: '{primary.900}',
        },
        surface: {
          0: '#ffffff',
          50: '{slate.50}',
          100: '{slate.100}',
          200: '{slate.200}',
          300: '{slate.300}',
          400: '{slate.400}',
          500: '{slate.500}',
          600: '{slate.600}',
          700: '{slate.700}',
          800: '{slate.800}',
          900: '{slate.900}',
          950: '{slate.950}',
        },
        formField: {
          focusBorderColor: '{primary.700}',
        },
      },
    },
  },
  components: {
    button: { root: { iconOnlyWidth: '2.875rem' } },
    toggleswitch: { root: { width: '3rem', height: '1.75rem' }, handle: { size: '1.25rem' } },
    checkbox: { root: { width: '1.5rem', height: '1.5rem' } },
  },
});
