//! The charts the pages draw, each from the partnership in memory and the
//! instruments: the radar, the heat map, the levels over the years, the
//! sides of a cycle and a worksheet's fishbone. A chart pushes no actions
//! and names no page, dialog or shell.

pub mod fishbone;
pub mod heatmap;
pub mod levels;
pub mod radar;
pub mod sides;
