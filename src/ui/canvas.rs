//! A plotters drawing backend for a 2D canvas that sets the context's colour, line width,
//! font and text alignment only when they change: setting a font on a canvas in the page
//! makes the browser parse it (and recompute styles), so a chart with forty labels in one
//! font should set it once, not forty times.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A drawing failed in the browser (the canvas API threw).
#[derive(Debug)]
pub struct CanvasError;

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the canvas could not be drawn on")
    }
}

impl std::error::Error for CanvasError {}

/// The context's settings as last set, so each is set again only when it differs.
#[derive(Default)]
struct Set {
    fill: Option<String>,
    stroke: Option<String>,
    line_width: Option<u32>,
    font: Option<String>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// Draws on one canvas element through its 2D context.
pub struct CanvasBackend {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    set: Set,
}

impl CanvasBackend {
    /// The backend for `canvas`, or `None` if it has no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<CanvasBackend> {
        // Every drawing fills its background first, so the canvas is opaque: the
        // compositor need not blend it with what is under it.
        let options = web_sys::ContextAttributes2d::new();
        options.set_alpha(false);
        let context = canvas
            .get_context_with_context_options("2d", &options)
            .ok()??
            .dyn_into()
            .ok()?;
        Some(CanvasBackend {
            canvas,
            context,
            set: Set::default(),
        })
    }

    fn fill(&mut self, color: BackendColor) {
        let css = css_color(color);
        if self.set.fill.as_deref() != Some(&css) {
            self.context.set_fill_style_str(&css);
            self.set.fill = Some(css);
        }
    }

    fn stroke(&mut self, style: &impl BackendStyle) {
        let css = css_color(style.color());
        if self.set.stroke.as_deref() != Some(&css) {
            self.context.set_stroke_style_str(&css);
            self.set.stroke = Some(css);
        }
        if self.set.line_width != Some(style.stroke_width()) {
            self.context.set_line_width(f64::from(style.stroke_width()));
            self.set.line_width = Some(style.stroke_width());
        }
    }

    fn trace(&self, path: impl IntoIterator<Item = BackendCoord>) {
        self.context.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i == 0 {
                self.context.move_to(f64::from(x), f64::from(y));
            } else {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
    }
}

/// `#rrggbb`, or `rgba(r,g,b,0.xxx)` when not opaque (written without float formatting).
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    if color.alpha >= 1.0 {
        return format!("#{r:02x}{g:02x}{b:02x}");
    }
    let thousandths = (color.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32;
    format!("rgba({r},{g},{b},0.{thousandths:03})")
}

/// A font size in CSS pixels to one decimal place (written without float formatting).
pub(super) fn font_size(px: f64) -> String {
    let tenths = (px.max(0.0) * 10.0).round() as u64;
    format!("{}.{}px", tenths / 10, tenths % 10)
}

fn failed(_: wasm_bindgen::JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError)
}

/// Moves a horizontal or vertical line onto the half pixel, so a one-pixel line is sharp.
fn sharp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if a.0 == b.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if a.1 == b.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if color.alpha > 0.0 {
            self.fill(color);
            self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha > 0.0 {
            let (a, b) = sharp(from, to);
            self.stroke(style);
            self.context.begin_path();
            self.context.move_to(a.0, a.1);
            self.context.line_to(b.0, b.1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = (
            f64::from(x0),
            f64::from(y0),
            f64::from(x1 - x0),
            f64::from(y1 - y0),
        );
        if fill {
            self.fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha > 0.0 {
            self.stroke(style);
            self.trace(path);
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha > 0.0 {
            self.fill(style.color());
            self.trace(path);
            self.context.close_path();
            self.context.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        if fill {
            self.fill(style.color());
        } else {
            self.stroke(style);
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(x),
                f64::from(y),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(failed)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.set.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            self.set.baseline = Some(baseline);
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.set.align != Some(align) {
            self.context.set_text_align(align);
            self.set.align = Some(align);
        }
        self.fill(style.color());
        let font = format!(
            "{} {} {}",
            style.style().as_str(),
            font_size(style.size()),
            style.family().as_str()
        );
        if self.set.font.as_deref() != Some(&font) {
            self.context.set_font(&font);
            self.set.font = Some(font);
        }
        if quarter_turns == 0.0 {
            self.context
                .fill_text(text, f64::from(x), f64::from(y))
                .map_err(failed)?;
        } else {
            self.context.save();
            let turned = self
                .context
                .translate(f64::from(x), f64::from(y))
                .and_then(|()| {
                    self.context
                        .rotate(quarter_turns * std::f64::consts::FRAC_PI_2)
                })
                .and_then(|()| self.context.fill_text(text, 0.0, 0.0));
            self.context.restore();
            turned.map_err(failed)?;
        }
        Ok(())
    }
}
