// Chart grid lines and axis lines: faint grey in every theme, High Contrast included — the theme's contrast
// border would make them as loud as the data they are behind. (No DOM here: the tests read it in Node.)
export const gridColor = 'rgba(128, 128, 128, 0.18)';
