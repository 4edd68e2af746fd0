Feature: Debugging is switched on as in the document's debug run
  The document turned on ISAKMP, engine and IPsec debugging on both routers before its ping.

  Scenario Outline: show debug on <router> lists the three crypto debugs the document had on
    Given the lab "ted-doc"
    When I run "debug crypto isakmp" on "<router>"
    Then the output is exactly:
      """
      Crypto ISAKMP debugging is on
      """
    When I run "debug crypto ipsec" on "<router>"
    And I run "debug crypto engine" on "<router>"
    And I run "show debug" on "<router>"
    Then the output matches the reference "ted-doc/reference/<reference>"
    When I run "undebug all" on "<router>"
    Then the output is exactly:
      """
      All possible debugging has been turned off
      """

    Examples:
      | router | reference              |
      | Daphne | daphne.show-debug.txt  |
      | fred   | fred.show-debug.txt    |
