// The floor page's 18 checkboxes; a change writes how many are chosen.
const options = document.getElementById('options');
for (let i = 1; i <= 18; i += 1) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = `option-${i}`;
  label.append(box, ` Option ${i}`);
  options.append(label, document.createElement('br'));
}
options.addEventListener('change', () => {
  const n = options.querySelectorAll('input:checked').length;
  document.getElementById('chosen').textContent = n ? `${n} chosen` : 'None chosen';
});
