use super::*;

fn months(values: &[f64]) -> [Option<f64>; 12] {
    let mut m = [None; 12];
    for (i, v) in values.iter().enumerate() {
        m[i] = Some(*v);
    }
    m
}

#[test]
fn masks() {
    assert_eq!(through(1), 0b1);
    assert_eq!(through(5), 0b1_1111);
    assert_eq!(through(12), ALL);
    assert_eq!(count(ALL), 12);
}

#[test]
fn flow_sums_and_stock_averages() {
    let flow = Calc::Flow(months(&[60.0, 58.0, 71.0]));
    assert_eq!(flow.over(ALL), Some(189.0));
    assert_eq!(flow.over(through(2)), Some(118.0));
    let stock = Calc::Stock(months(&[2100.0, 2080.0, 2060.0]));
    assert_eq!(stock.over(ALL), Some(2080.0));
    assert_eq!(Calc::Flow([None; 12]).over(ALL), None);
}

#[test]
fn quotas_sum_or_average_their_denominator() {
    let mut parts = [None; 12];
    parts[0] = Some(QuotaMonth::Parts(40.0, 70.0));
    parts[1] = Some(QuotaMonth::Parts(47.0, 80.0));
    let sum = Calc::Quota {
        denominator: Denominator::Sum,
        parts,
    };
    // (40 + 47) / (70 + 80) = 58 %
    assert_eq!(sum.over(ALL), Some(58.0));
    let avg = Calc::Quota {
        denominator: Denominator::Average,
        parts,
    };
    // At the year's pace: 87 / 75 × 12 / 2 = 12 × 87 / 150 = 696 %.
    assert_eq!(avg.over(ALL), Some(696.0));
    let zero = Calc::Quota {
        denominator: Denominator::Sum,
        parts: {
            let mut p = [None; 12];
            p[0] = Some(QuotaMonth::Parts(3.0, 0.0));
            p
        },
    };
    assert_eq!(zero.over(ALL), None);
}

#[test]
fn a_rate_to_date_reads_like_the_annual_rate() {
    // K2 (Σ/Ø): 60 integrations a month on 5.000 ELB. January alone: 60 / 5.000 = 1,2 % in the month,
    // 14,4 % at the year's pace; the complete year: 720 / 5.000 = 14,4 %. The figure stays a level.
    let mut parts = [None; 12];
    parts[0] = Some(QuotaMonth::Parts(60.0, 5000.0));
    let january = Calc::Quota {
        denominator: Denominator::Average,
        parts,
    };
    assert!((january.over(ALL).unwrap() - 14.4).abs() < 1e-9);
    assert!(!january.accumulates());
    let year = Calc::Quota {
        denominator: Denominator::Average,
        parts: [Some(QuotaMonth::Parts(60.0, 5000.0)); 12],
    };
    assert!((year.over(ALL).unwrap() - 14.4).abs() < 1e-9);
    assert!((year.over(through(5)).unwrap() - 14.4).abs() < 1e-9);
    // The forecast of a rate keeps its level.
    assert!((january.linear_forecast_through(12).unwrap() - 14.4).abs() < 1e-9);
    // Numerator needed per remaining month for 14,7 %: (0,147 × 5.000 − 60) / 11 = 61,3636...
    assert!((january.pace(14.7).unwrap() - 675.0 / 11.0).abs() < 1e-9);
    assert_eq!(january.pace_so_far(), Some(60.0));
}

#[test]
fn a_published_rate_stands_for_the_year_so_far() {
    // January counted (43 / 74), February published as 20,0 %: the figure through February is 20,0 %.
    let mut parts = [None; 12];
    parts[0] = Some(QuotaMonth::Parts(43.0, 74.0));
    parts[1] = Some(QuotaMonth::Rate(20.0));
    let q = Calc::Quota {
        denominator: Denominator::Sum,
        parts,
    };
    assert_eq!(q.over(ALL), Some(20.0));
    assert_eq!(q.month(1), Some(20.0));
    // January alone: 43 / 74 = 58,108... %.
    assert!((q.over(through(1)).unwrap() - 4300.0 / 74.0).abs() < 1e-9);
    assert_eq!(q.pace(25.0), None);
    assert_eq!(q.pace_so_far(), None);
}

#[test]
fn change_compares_the_same_months() {
    let now = Calc::Stock(months(&[2100.0, 2200.0]));
    let before = Calc::Stock(months(&[2000.0, 2000.0, 1900.0]));
    let change = Calc::change(now, before);
    assert_eq!(change.present(), 0b11);
    // (2150 / 2000 − 1) = +7,5 %
    assert_eq!(change.over(ALL), Some(7.5));
}

#[test]
fn pace_per_remaining_month() {
    // 5 months, 300 integrations, target 770: (770 − 300) / 7 = 67,142857...
    let flow = Calc::Flow(months(&[60.0, 55.0, 65.0, 58.0, 62.0]));
    let pace = flow.pace(770.0).unwrap();
    assert!((pace - 470.0 / 7.0).abs() < 1e-12);
    // Target already reached: nothing more needed.
    assert_eq!(Calc::Flow(months(&[800.0])).pace(770.0), Some(0.0));
    // Stock: 5 months summing to 10.250, cap 2.020: (24.240 − 10.250) / 7 = 1.998,57...
    let stock = Calc::Stock(months(&[2100.0, 2075.0, 2050.0, 2025.0, 2000.0]));
    assert!((stock.pace(2020.0).unwrap() - 13990.0 / 7.0).abs() < 1e-9);
    // So far: 300 / 5 = 60 a month; the stock 10.250 / 5 = 2.050 on average.
    assert_eq!(flow.pace_so_far(), Some(60.0));
    assert_eq!(stock.pace_so_far(), Some(2050.0));
}

#[test]
fn linear_forecasts() {
    let flow = Calc::Flow(months(&[60.0, 55.0, 65.0, 58.0, 62.0]));
    assert_eq!(flow.linear_forecast_through(12), Some(300.0 / 5.0 * 12.0));
    let stock = Calc::Stock(months(&[2100.0, 2075.0, 2050.0, 2025.0, 2000.0]));
    // (10.250 + 7 × 2.000) / 12 = 2.020,8333...
    assert!((stock.linear_forecast_through(12).unwrap() - 24250.0 / 12.0).abs() < 1e-9);
    assert_eq!(stock.linear_forecast_through(5), Some(2050.0));
}
